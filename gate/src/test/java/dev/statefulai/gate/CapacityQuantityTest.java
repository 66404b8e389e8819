package dev.statefulai.gate;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binding proof reads capacities with the constructs' quantity parser: every suffix of
 * k8s.io/apimachinery pkg/api/resource suffix.go, compared exactly (no overflow at Ei).
 */
class CapacityQuantityTest {
    @TempDir
    Path tmp;

    private List<String> check(String pvSize, String claimSize) {
        return lines(new GateFixture(tmp).file("prod", "app.yaml", Docs.gp3(),
                Docs.pv("archive-pv", "gp3", pvSize, "ReadWriteOnce", ""),
                Docs.pvc("archive", "gp3", claimSize, "ReadWriteOnce", "")).run());
    }

    @Test
    void anExaScaleVolumeHoldsAnExbibyteClaim() {
        // 2E = 2 * 10^18 bytes, 1Ei = 2^60 = 1.15 * 10^18: the free PV fits, nothing stays Pending or unclaimed.
        assertEquals(List.of(), check("2E", "1Ei"));
    }

    @Test
    void comparesExactlyAroundTheInt64Range() {
        // 7Ei = 8070450532247928832 bytes: it holds 8E (8 * 10^18), not 9E, and a long would overflow on both.
        assertEquals(List.of(), check("7Ei", "8E"));
        assertEquals(List.of("BIND010 warning prod PersistentVolume/archive-pv: no claim in dist/prod binds it (gp3, 7Ei,"
                + " [ReadWriteOnce]): it stays Available and unused"), check("7Ei", "9E"));
    }
}
