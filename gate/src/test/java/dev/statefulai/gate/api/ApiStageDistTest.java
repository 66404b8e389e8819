package dev.statefulai.gate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.gate.Report;
import dev.statefulai.gate.SafetyGate;
import dev.statefulai.gate.testing.GateFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No false rejection: every committed environment of dist/ passes the api stage. */
class ApiStageDistTest {
    static final Path DIST = Path.of("..", "dist").toAbsolutePath().normalize();

    @Test
    void theCommittedDistHasNoApiFinding() {
        Report report = SafetyGate.run(SafetyGate.Options.of(DIST));
        List<String> api = GateFixture.lines(report).stream().filter(l -> l.startsWith("API")).toList();
        assertEquals(List.of(), api);
        assertEquals(3, report.environments().size(), "dev, staging and prod are checked: " + report.environments());
    }
}
