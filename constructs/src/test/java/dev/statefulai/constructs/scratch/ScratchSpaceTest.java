package dev.statefulai.constructs.scratch;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchSpaceTest {
    private static final String C = "StatefulAIApp 'llm'";

    /** The pod volume {@code v} becomes in an app with it as scratch. */
    private static Object rendered(ScratchVolume v) {
        Manifests m = Manifests.synth(chart -> new StatefulAIApp(chart, "app", StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3")
                .claimTemplates(ClaimTemplate.of("models", "/models", "10Gi"))
                .container(ContainerProps.builder().scratch(List.of(v)).build()).build()));
        return Manifests.list(m.one("StatefulSet"), "spec.template.spec.volumes").stream()
                .filter(volume -> v.name().equals(((Map<?, ?>) volume).get("name"))).findFirst().orElseThrow();
    }

    @Test
    void eachMediumIsBoundedAndOnlyTheNodesDiskCountsAsEphemeralStorage() {
        assertEquals(Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "1Gi")), rendered(ScratchVolume.emptyDir("tmp", "/tmp", "1Gi")));
        assertEquals(Map.of("name", "shm", "emptyDir", Map.of("medium", "Memory", "sizeLimit", "2Gi")),
                rendered(ScratchVolume.memory("shm", "/shm", "2Gi")));
        assertEquals(Map.of("name", "kv", "ephemeral", Map.of("volumeClaimTemplate", Map.of(
                        "metadata", Map.of("labels", Map.of("app.kubernetes.io/name", "llm", "app.kubernetes.io/managed-by", "cdk8s")),
                        "spec", Map.of("accessModes", List.of("ReadWriteOnce"), "storageClassName", "local-nvme",
                                "resources", Map.of("requests", Map.of("storage", "200Gi")))))),
                rendered(ScratchVolume.ephemeral("kv", "/kv-offload", "200Gi", "local-nvme")));
        assertEquals("3Gi", ScratchSpace.ephemeralStorage(List.of(ScratchVolume.emptyDir("a", "/a", "1Gi"), ScratchVolume.emptyDir("b", "/b", "2Gi"),
                ScratchVolume.memory("m", "/m", "8Gi"), ScratchVolume.ephemeral("e", "/e", "100Gi", null))));
        assertEquals("1040Mi", ScratchSpace.ephemeralStorage(List.of(ScratchVolume.emptyDir("a", "/a", "1Gi"), ScratchVolume.emptyDir("b", "/b", "16Mi"))));
        assertEquals("1001000", ScratchSpace.ephemeralStorage(List.of(ScratchVolume.emptyDir("a", "/a", "1M"), ScratchVolume.emptyDir("b", "/b", "1k"))));
        assertNull(ScratchSpace.ephemeralStorage(List.of(ScratchVolume.memory("m", "/m", "8Gi"))));
    }

    @Test
    void refusesWhatIsNoNameNoAbsolutePathOrNoSize() {
        assertInvalid("ScratchVolume 'Tmp': prop 'name' is 'Tmp'; allowed: " + Messages.DNS_LABEL, () -> ScratchVolume.emptyDir("Tmp", "/tmp", "1Gi"));
        assertInvalid("ScratchVolume 'tmp': prop 'size' is '1GB'; allowed: " + Messages.SIZE, () -> ScratchVolume.emptyDir("tmp", "/tmp", "1GB"));
        String relative = assertThrows(InvalidPropsException.class, () -> ScratchVolume.emptyDir("tmp", "tmp", "1Gi")).getMessage();
        assertTrue(relative.startsWith("ScratchVolume 'tmp': prop 'mountPath' is 'tmp'; allowed: "), relative);
    }

    @Test
    void givenScratchReplacesADefaultAtItsPathAndAClaimMountedThereRemovesTheDefault() {
        List<ScratchVolume> defaults = List.of(ScratchSpace.DEFAULT_TMP, ScratchVolume.emptyDir("home", "/home/app", "4Gi"),
                ScratchVolume.emptyDir("snapshots", "/qdrant/snapshots", "2Gi"));
        ScratchVolume bigTmp = ScratchVolume.emptyDir("big-tmp", "/tmp", "20Gi");
        ScratchSpace space = ScratchSpace.resolve(C, defaults, List.of(bigTmp), List.of("/qdrant/snapshots"), List.of("data", "dshm"));
        assertEquals(List.of(ScratchVolume.emptyDir("home", "/home/app", "4Gi"), bigTmp), space.volumes());
        assertEquals(bigTmp, space.at("/tmp"));
        assertNull(space.at("/qdrant/snapshots"));
    }

    @Test
    void refusesScratchAtAClaimsPathAtDevShmTwiceAtAPathOrUnderATakenName() {
        assertInvalid(C + ": prop 'scratch[0].mountPath' is '/data'; allowed: a path no claim template or other scratch volume is"
                        + " mounted at, and not /dev/shm (sharedMemory sets it)",
                () -> ScratchSpace.resolve(C, List.of(), List.of(ScratchVolume.emptyDir("x", "/data", "1Gi")), List.of("/data"), List.of("data")));
        assertInvalid(C + ": prop 'scratch[0].mountPath' is '/dev/shm'; allowed: a path no claim template or other scratch volume is"
                        + " mounted at, and not /dev/shm (sharedMemory sets it)",
                () -> ScratchSpace.resolve(C, List.of(), List.of(ScratchVolume.memory("x", "/dev/shm", "1Gi")), List.of(), List.of()));
        assertInvalid(C + ": prop 'scratch[1].mountPath' is '/a'; allowed: a path no claim template or other scratch volume is"
                        + " mounted at, and not /dev/shm (sharedMemory sets it)",
                () -> ScratchSpace.resolve(C, List.of(), List.of(ScratchVolume.emptyDir("x", "/a", "1Gi"), ScratchVolume.emptyDir("y", "/a", "1Gi")),
                        List.of(), List.of()));
        assertInvalid(C + ": prop 'scratch[0].name' is 'dshm'; allowed: a name no claim template, other scratch volume or 'dshm'"
                        + " (/dev/shm) has",
                () -> ScratchSpace.resolve(C, List.of(), List.of(ScratchVolume.emptyDir("dshm", "/a", "1Gi")), List.of(), List.of("dshm")));
        assertInvalid(C + ": prop 'scratch' is 'tmp'; allowed: a name no claim template, other scratch volume or 'dshm' (/dev/shm) has;"
                        + " the pod's scratch volume at /tmp is named 'tmp': rename the claim template, or give scratch for /tmp under another name",
                () -> ScratchSpace.resolve(C, List.of(ScratchSpace.DEFAULT_TMP), List.of(), List.of("/data"), List.of("tmp")));
    }
}
