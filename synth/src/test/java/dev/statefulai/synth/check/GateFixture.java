package dev.statefulai.synth.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A dist/ folder in a temp dir, and the gate run over it. */
final class GateFixture {
    final Path root;
    final Path dist;

    GateFixture(Path root) {
        this.root = root;
        this.dist = root.resolve("dist");
    }

    GateFixture file(String env, String name, String... docs) {
        try {
            Path f = dist.resolve(env).resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "# Generated for a test\n" + String.join("\n---\n", docs) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Report run() {
        return SafetyGate.run(SafetyGate.Options.of(dist));
    }

    Report run(SafetyGate.Options options) {
        return SafetyGate.run(options);
    }

    /** One line per finding: "RULE severity env object: message" (+ " [waived: reason]"). */
    static List<String> lines(Report report) {
        return report.findings().stream().map(GateFixture::line).toList();
    }

    static String line(Finding f) {
        return f.rule().id() + " " + f.severity().label() + " " + f.environment() + " " + f.object() + ": " + f.message()
                + (f.isWaived() ? " [waived: " + f.waiverReason() + "]" : "");
    }

    /** Replaces text in one document of the clean set. */
    static String[] cleanWith(int index, String from, String to) {
        String[] docs = Docs.cleanSet();
        if (!docs[index].contains(from)) {
            throw new IllegalArgumentException("'" + from + "' not in " + docs[index]);
        }
        docs[index] = docs[index].replace(from, to);
        return docs;
    }
}
