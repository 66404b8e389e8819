package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.CliRun;
import org.junit.jupiter.api.Test;

/** Sizes in values files: every Kubernetes suffix (E and Ei too) is read, and a fraction of a byte is refused. */
class QuantityValuesTest extends DemoRepoTest {
    @Test
    void exaAndExbiSizesSynthesizeAndPassTheGate() {
        repo.write("apps/demo/values-prod.yaml", "replicas: 3\nsize: 1Ei\nbackup:\n  schedule: \"0 2 * * *\"\n  keep: 720h\n");
        repo.write("apps/demo/values-dev.yaml", "replicas: 1\nsize: 2E\nstorageClass:\n  reclaimPolicy: Delete\n");
        CliRun.synth(tmp).assertSucceeded();
        assertTrue(repo.dist().get("prod/demo.yaml").contains("storage: 1Ei"), repo.dist().get("prod/demo.yaml"));
        assertTrue(repo.dist().get("dev/demo.yaml").contains("storage: 2E"), repo.dist().get("dev/demo.yaml"));
        CliRun check = CliRun.of("check", "--dist", tmp.resolve("dist").toString(), "--env", "prod");
        assertEquals(0, check.exitCode(), check.out() + check.err());
    }

    @Test
    void aFractionOfAByteIsRefusedWithTheRule() {
        repo.write("apps/demo/values-prod.yaml", "replicas: 3\nsize: 0.1\n");
        CliRun.synth(tmp, "--env", "prod").assertRefused("apps/demo/values-prod.yaml:2: size: 0.1 is not allowed; "
                + "allowed: a whole number of bytes, such as 1Gi, 1.5Gi or 100G ('m' means thousandths: mega is M or Mi)");
    }
}
