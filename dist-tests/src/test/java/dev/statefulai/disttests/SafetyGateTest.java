package dev.statefulai.disttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.testing.RepoRoot;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.Report;
import dev.statefulai.gate.ReportFormat;
import dev.statefulai.gate.SafetyGate;
import dev.statefulai.gate.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The storage safety gate ({@code bin/ai-storage check}) over the committed dist/: no errors. Compares
 * with HEAD for immutable changes when the repository has one (CI runs on a fresh clone, so it does).
 */
class SafetyGateTest {

    @Test
    void committedDistPassesTheSafetyGate() {
        Path root = RepoRoot.find();
        String ref = hasHead(root) ? "HEAD" : null;
        Report report = SafetyGate.run(SafetyGate.Options.of(root.resolve("dist")).withRef(ref));
        System.out.print(ReportFormat.text.render(report));
        assertTrue(report.environments().containsAll(List.of("dev", "staging", "prod")), report.environments().toString());
        List<String> errors = report.findings().stream().filter(Finding::isBlocking)
                .map(f -> f.rule().id() + " " + f.environment() + " " + f.object() + ": " + f.message()).toList();
        assertEquals(List.of(), errors, "the safety gate found errors in dist/ (run bin/ai-storage check)");
        report.findings().stream().filter(f -> f.severity() == Severity.WARNING && !f.isWaived())
                .forEach(f -> System.out.println("warning: " + f.rule().id() + " " + f.environment() + " " + f.object()));
    }

    private static boolean hasHead(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
