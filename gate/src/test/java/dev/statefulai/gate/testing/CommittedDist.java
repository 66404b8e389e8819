package dev.statefulai.gate.testing;

import dev.statefulai.gate.Report;
import dev.statefulai.gate.SafetyGate;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A dist/ in a temp git repository for the rules that compare with a git ref: {@code prod/app.yaml}
 * committed as it was, then changed, and the gate run against HEAD.
 */
public final class CommittedDist {
    public final GateFixture fixture;
    public final TempGit git;

    public CommittedDist(Path root) {
        fixture = new GateFixture(root);
        git = TempGit.init(root);
    }

    /** Commits {@code prod/app.yaml} made of {@code docs}. */
    public void commit(String... docs) {
        fixture.file("prod", "app.yaml", docs);
        git.commitAll("before");
    }

    /** {@code prod/app.yaml} as it is now, not committed. */
    public CommittedDist change(String... docs) {
        fixture.file("prod", "app.yaml", docs);
        return this;
    }

    /** The gate over dist/ as it is now, compared with HEAD. */
    public Report againstHead() {
        return fixture.run(SafetyGate.Options.of(fixture.dist).withRef("HEAD"));
    }

    /** {@code docs} and {@code doc} after them. */
    public static String[] append(String[] docs, String doc) {
        String[] out = Arrays.copyOf(docs, docs.length + 1);
        out[docs.length] = doc;
        return out;
    }
}
