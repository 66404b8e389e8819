package dev.statefulai.gate.testing;

import dev.statefulai.gate.Report;
import dev.statefulai.gate.SafetyGate;
import dev.statefulai.gate.model.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dist/ folder in a temp dir, and the gate run over it. Each environment it writes also holds {@value #BACKUP_FILE}: a
 * Velero schedule of every claim ({@link Docs#backupOfEverything()}), so that the tests of the other rules see no
 * POL007 (unbacked-up claims); {@link #withoutBackup()} leaves it out.
 */
public final class GateFixture {
    /** The file of the schedule that backs up every claim. */
    public static final String BACKUP_FILE = "backup-everything.yaml";

    public final Path root;
    public final Path dist;
    private boolean backup = true;

    public GateFixture(Path root) {
        this.root = root;
        this.dist = root.resolve("dist");
    }

    /** No schedule that backs up every claim in the environments written from now on. */
    public GateFixture withoutBackup() {
        backup = false;
        return this;
    }

    public GateFixture file(String env, String name, String... docs) {
        try {
            Path f = dist.resolve(env).resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "# Generated for a test\n" + String.join("\n---\n", docs) + "\n");
            if (backup) {
                Files.writeString(f.resolveSibling(BACKUP_FILE), "# Generated for a test\n" + Docs.backupOfEverything() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Report run() {
        return SafetyGate.run(SafetyGate.Options.of(dist));
    }

    public Report run(SafetyGate.Options options) {
        return SafetyGate.run(options);
    }

    /** One line per finding: "RULE severity env object: message" (+ " [waived: reason]"). */
    public static List<String> lines(Report report) {
        return report.findings().stream().map(GateFixture::line).toList();
    }

    public static String line(Finding f) {
        return f.rule().id() + " " + f.severity().label() + " " + f.environment() + " " + f.object() + ": " + f.message()
                + (f.isWaived() ? " [waived: " + f.waiverReason() + "]" : "");
    }

    /** Replaces text in one document of the clean set. */
    public static String[] cleanWith(int index, String from, String to) {
        String[] docs = Docs.cleanSet();
        if (!docs[index].contains(from)) {
            throw new IllegalArgumentException("'" + from + "' not in " + docs[index]);
        }
        docs[index] = docs[index].replace(from, to);
        return docs;
    }
}
