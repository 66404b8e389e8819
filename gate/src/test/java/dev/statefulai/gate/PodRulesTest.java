package dev.statefulai.gate;

import static dev.statefulai.gate.testing.GateFixture.cleanWith;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POD001-POD005: bounded scratch, read-only root, spread over nodes, explicit pull policy, digests; levels per environment. */
class PodRulesTest {
    private static final String MAIN_RESOURCES = "resources: {requests: {cpu: 100m, memory: 64Mi}}";

    @TempDir
    Path tmp;

    private List<String> check(String env, String... docs) {
        return lines(new GateFixture(tmp.resolve(env)).file(env, "app.yaml", docs).run());
    }

    /** The clean set with {@code volumes} on the StatefulSet's pod and {@code mounts} and {@code resources} on its container. */
    private static String[] withScratch(String volumes, String mounts, String resources) {
        String[] docs = cleanWith(2, MAIN_RESOURCES, resources + ", volumeMounts: " + mounts);
        docs[2] = docs[2].replace("containers: [", "volumes: " + volumes + ", containers: [");
        return docs;
    }

    @Test
    void theCleanSetPassesEveryPodRuleInEveryEnvironment() {
        for (String env : List.of("dev", "staging", "prod")) {
            assertEquals(List.of(), check(env, Docs.cleanSet()), env);
        }
    }

    @Test
    void pod001AnEmptyDirWithoutSizeLimitAndAContainerWithoutEphemeralStorageRequest() {
        assertEquals(List.of(
                        "POD001 error prod StatefulSet/data/db: emptyDir volume(s) cache, spill have no sizeLimit: a cache that grows"
                                + " without bound fills the node's disk (or, in memory, the pod's memory limit); set emptyDir.sizeLimit",
                        "POD001 error prod StatefulSet/data/db: container(s) main (mounts cache, spill) write to the node's disk and"
                                + " request no ephemeral-storage: the scheduler may place them on a node without room; request the emptyDir sizes"),
                // "spill" has no source at all, which the API server defaults to an emptyDir
                check("prod", withScratch("[{name: cache, emptyDir: {}}, {name: spill}]",
                        "[{name: cache, mountPath: /cache}, {name: spill, mountPath: /spill}]", MAIN_RESOURCES)));
    }

    @Test
    void pod001SizedScratchWithARequestPassesAndTmpfsNeedsNoEphemeralStorage() {
        assertEquals(List.of(), check("prod", withScratch(
                "[{name: tmp, emptyDir: {sizeLimit: 1Gi}}, {name: dshm, emptyDir: {medium: Memory, sizeLimit: 1Gi}}]",
                "[{name: tmp, mountPath: /tmp}, {name: dshm, mountPath: /dev/shm}]",
                "resources: {requests: {cpu: 100m, memory: 64Mi, ephemeral-storage: 1Gi}}")));
        assertEquals(List.of(), check("staging", withScratch("[{name: dshm, emptyDir: {medium: Memory, sizeLimit: 1Gi}}]",
                "[{name: dshm, mountPath: /dev/shm}]", MAIN_RESOURCES)));
    }

    @Test
    void pod002AWritableRootFileSystemIsAnErrorInProdAndAWarningInStaging() {
        String[] docs = cleanWith(2, "securityContext: {readOnlyRootFilesystem: true}", "securityContext: {}");
        String message = "StatefulSet/data/db: container(s) main can write to the image's file system: set"
                + " securityContext.readOnlyRootFilesystem: true and mount sized emptyDir volumes where the image writes (/tmp, its home, its caches)";
        assertEquals(List.of("POD002 error prod " + message), check("prod", docs));
        assertEquals(List.of("POD002 warning staging " + message), check("staging", docs));
    }

    @Test
    void pod002IsWaivedWithAReason() {
        String[] docs = cleanWith(2, "securityContext: {readOnlyRootFilesystem: true}", "securityContext: {readOnlyRootFilesystem: false}");
        docs[2] = docs[2].replace("metadata: {name: db, namespace: data}",
                "metadata: {name: db, namespace: data, annotations: {ai-storage.dev/waive-POD002: 'the image writes its PID file to /var/run'}}");
        assertEquals(List.of("POD002 error prod StatefulSet/data/db: container(s) main can write to the image's file system: set"
                + " securityContext.readOnlyRootFilesystem: true and mount sized emptyDir volumes where the image writes (/tmp, its home,"
                + " its caches) [waived: the image writes its PID file to /var/run]"), check("prod", docs));
    }

    @Test
    void pod003ReplicasWithoutSpreadOverNodes() {
        String[] docs = cleanWith(2, "affinity: " + Docs.antiAffinity("db") + ", ", "");
        assertEquals(List.of("POD003 error prod StatefulSet/data/db: 3 replicas and no pod anti-affinity or topology spread on"
                + " kubernetes.io/hostname selecting its pods: the scheduler may put several on one node, and losing that node loses"
                + " them all; add podAntiAffinity (preferred is enough) with topologyKey kubernetes.io/hostname and the workload's"
                + " selector"), check("prod", docs));
        // a zone key or a selector that misses the pods is no spread over nodes; one replica needs none
        assertEquals(1, check("prod", cleanWith(2, "topologyKey: kubernetes.io/hostname", "topologyKey: topology.kubernetes.io/zone")).size());
        assertEquals(1, check("prod", cleanWith(2, "labelSelector: {matchLabels: {app: db}}", "labelSelector: {matchLabels: {app: web}}")).size());
        assertEquals(List.of(), check("prod", Docs.gp3(), Docs.headless("db"),
                Docs.statefulSet("db", 1, "gp3", "10Gi").replace("affinity: " + Docs.antiAffinity("db") + ", ", "")));
    }

    @Test
    void pod003AcceptsRequiredAntiAffinityAndAHostnameSpreadConstraint() {
        String required = "{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname,"
                + " labelSelector: {matchExpressions: [{key: app, operator: In, values: [db]}]}}]}}";
        assertEquals(List.of(), check("prod", cleanWith(2, Docs.antiAffinity("db"), required)));
        String spread = "topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway,"
                + " labelSelector: {matchLabels: {app: db}}}], ";
        assertEquals(List.of(), check("staging", cleanWith(2, "affinity: " + Docs.antiAffinity("db") + ", ", spread)));
    }

    @Test
    void pod004AMissingPullPolicyAndACachedTag() {
        String noPolicy = "{name: main, image: " + Docs.IMAGE + ", securityContext";
        assertEquals(List.of("POD004 error prod StatefulSet/data/db: container(s) main set no imagePullPolicy: Kubernetes picks one"
                        + " from the tag; write Always, or IfNotPresent for an image pinned by digest"),
                check("prod", cleanWith(2, "{name: main, image: " + Docs.IMAGE + ", imagePullPolicy: IfNotPresent, securityContext", noPolicy)));
        assertEquals(List.of(
                "POD004 error prod StatefulSet/data/db: container(s) main (qdrant/qdrant:v1.12.4, IfNotPresent) keep a node's copy of a tag,"
                        + " which may since point elsewhere: nodes run different images; pull Always, or pin the image by digest",
                "POD005 warning prod StatefulSet/data/db: image(s) of main (qdrant/qdrant:v1.12.4) are not pinned by digest: what a tag"
                        + " names can change; append @sha256:<digest>"),
                check("prod", cleanWith(2, Docs.IMAGE, "'qdrant/qdrant:v1.12.4'")));
    }

    @Test
    void pod005ATagIsAWarningInProdAndOffInDevAndStagingWhenPulledAlways() {
        String[] docs = cleanWith(2, Docs.IMAGE + ", imagePullPolicy: IfNotPresent", "'qdrant/qdrant:v1.12.4', imagePullPolicy: Always");
        assertEquals(List.of("POD005 warning prod StatefulSet/data/db: image(s) of main (qdrant/qdrant:v1.12.4) are not pinned by digest:"
                + " what a tag names can change; append @sha256:<digest>"), check("prod", docs));
        assertEquals(List.of(), check("staging", docs));
        assertEquals(List.of(), check("dev", docs));
    }
}
