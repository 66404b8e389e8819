package dev.statefulai.gate;

import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.rules.PolicyConfig;
import dev.statefulai.gate.testing.GateFixture;
import static dev.statefulai.gate.testing.GateFixture.cleanWith;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POL001-POL006 and their per-environment severity. */
class PolicyRulesTest {
    @TempDir
    Path tmp;

    private List<String> check(String env, String... docs) {
        return lines(new GateFixture(tmp).file(env, "app.yaml", docs).run());
    }

    @Test
    void pol001ReclaimPolicyDeleteIsAnErrorInProdAndOffInDev() {
        String[] docs = cleanWith(0, "reclaimPolicy: Retain", "reclaimPolicy: Delete");
        docs[4] = docs[4].replace("persistentVolumeReclaimPolicy: Retain", "persistentVolumeReclaimPolicy: Recycle");
        assertEquals(List.of(
                "POL001 error prod PersistentVolume/archive-pv: persistentVolumeReclaimPolicy is Recycle: releasing the claim"
                        + " deletes the data; use Retain",
                "POL001 error prod StorageClass/gp3: reclaimPolicy is Delete: deleting a claim (or its namespace) deletes the"
                        + " disk and its data; use Retain"), check("prod", docs));
        assertEquals(List.of(), lines(new GateFixture(tmp.resolve("d")).file("dev", "app.yaml", docs).run()));
    }

    @Test
    void pol002UnencryptedEbsClass() {
        assertEquals(List.of("POL002 error prod StorageClass/gp3: provisioner ebs.csi.aws.com creates unencrypted disks unless"
                + " parameters.encrypted is \"true\""), check("prod", cleanWith(0, ", encrypted: \"true\"", "")));
    }

    @Test
    void pol003And004RootPodWithoutFsGroupAreWarningsInStaging() {
        assertEquals(List.of(
                "POL003 warning staging StatefulSet/data/db: container(s) main may run as root: set"
                        + " securityContext.runAsNonRoot: true (pod or container)",
                "POL004 warning staging StatefulSet/data/db: pod securityContext.fsGroup is not set: a non-root process cannot"
                        + " write freshly provisioned volumes (owned by root)"),
                check("staging", cleanWith(2, "securityContext: {runAsNonRoot: true, fsGroup: 1000}", "securityContext: {}")));
    }

    @Test
    void pol003ContainerOverrideCounts() {
        assertEquals(List.of("POL003 error prod StatefulSet/data/db: container(s) main may run as root: set"
                        + " securityContext.runAsNonRoot: true (pod or container)"),
                check("prod", cleanWith(2, "securityContext: {readOnlyRootFilesystem: true}",
                        "securityContext: {readOnlyRootFilesystem: true, runAsNonRoot: false}")));
    }

    @Test
    void pol005ContainerWithoutRequests() {
        assertEquals(List.of("POL005 error prod StatefulSet/data/db: container(s) without resource requests: main (cpu):"
                        + " BestEffort/Burstable pods are evicted first under node pressure, interrupting writes"),
                check("prod", cleanWith(2, "requests: {cpu: 100m, memory: 64Mi}", "requests: {memory: 64Mi}")));
    }

    @Test
    void pol006ReplicatedStatefulSetWithoutDisruptionBudget() {
        assertEquals(List.of("POL006 error prod StatefulSet/data/db: 3 replicas and no PodDisruptionBudget in namespace data"
                        + " selects its pods: a node drain may evict several replicas at once"),
                check("prod", cleanWith(3, "app: db", "app: other")));
    }

    @Test
    void configFileChangesSeverityPerEnvironment() throws Exception {
        Path config = tmp.resolve("policy.yaml");
        Files.writeString(config, "default: error\nenvironments:\n  prod:\n    POL006: warning\n  dev:\n    default: off\n");
        GateFixture fixture = new GateFixture(tmp).file("prod", "app.yaml", cleanWith(3, "app: db", "app: other"))
                .file("dev", "app.yaml", cleanWith(3, "app: db", "app: other"));
        Report report = fixture.run(SafetyGate.Options.of(fixture.dist).withPolicy(PolicyConfig.load(config)));
        assertEquals(List.of("POL006 warning prod StatefulSet/data/db: 3 replicas and no PodDisruptionBudget in namespace data"
                + " selects its pods: a node drain may evict several replicas at once"), lines(report));
        assertEquals(0, report.exitCode());
    }

    @Test
    void configRejectsNonPolicyRulesAndUnknownLevels() throws Exception {
        Path config = tmp.resolve("policy.yaml");
        Files.writeString(config, "environments:\n  prod:\n    BIND001: off\n");
        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.load(config));
        Files.writeString(config, "default: fatal\n");
        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.load(config));
    }

    @Test
    void defaultsAreErrorsInProdWarningsInDev() {
        PolicyConfig d = PolicyConfig.defaults();
        assertEquals(PolicyConfig.Level.ERROR, d.level("prod", Rule.POL005));
        assertEquals(PolicyConfig.Level.WARNING, d.level("dev", Rule.POL005));
        assertEquals(PolicyConfig.Level.OFF, d.level("dev", Rule.POL001));
        assertEquals(PolicyConfig.Level.WARNING, d.level("qa", Rule.POL001));
    }
}
