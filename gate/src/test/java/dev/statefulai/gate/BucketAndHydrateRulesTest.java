package dev.statefulai.gate;

import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DRV001-DRV002, OBJ001-OBJ004, HYD001-HYD002 on small sets: buckets mounted through FUSE, file systems that
 * give no ReadOnlyMany or Block, and the read-only copies of disks; each with the exact finding, and the
 * clean shapes the constructs write with none.
 */
class BucketAndHydrateRulesTest {
    @TempDir
    Path tmp;

    private List<String> found(String rulePrefix, String... docs) {
        return lines(new GateFixture(tmp).file("prod", "app.yaml", docs).run()).stream()
                .filter(l -> List.of(rulePrefix.split(",")).stream().anyMatch(l::startsWith)).toList();
    }

    /** A pre-bound bucket volume of {@code driver} with {@code modes}, its mount options, attributes and more spec. */
    private static String bucketPv(String driver, String modes, String options, String attributes, String extra) {
        return "{apiVersion: v1, kind: PersistentVolume, metadata: {name: weights-pv}, spec: {storageClassName: \"\","
                + " capacity: {storage: 1Gi}, accessModes: [" + modes + "], persistentVolumeReclaimPolicy: Retain,"
                + " claimRef: {kind: PersistentVolumeClaim, namespace: data, name: weights}, mountOptions: [" + options + "],"
                + " csi: {driver: " + driver + ", volumeHandle: weights-pv, readOnly: true, volumeAttributes: {" + attributes + "}}" + extra + "}}";
    }

    private static String bucketPvc(String modes) {
        return Docs.pvc("weights", "\"\"", "1Gi", modes, ", volumeName: weights-pv");
    }

    /** A bucket served read-only: its ReadOnlyMany volume of {@code driver} and its claim, then {@code more} documents. */
    private static String[] readOnlyBucket(String driver, String options, String attributes, String... more) {
        return Stream.concat(Stream.of(bucketPv(driver, "ReadOnlyMany", options, attributes, ""), bucketPvc("ReadOnlyMany")),
                Stream.of(more)).toArray(String[]::new);
    }

    /** A StatefulSet of 2 replicas that mounts claim {@code weights} with the pod annotations and more pod volumes given. */
    private static String server(String readOnly, String annotations, String moreVolumes) {
        return "{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: llm, namespace: data}, spec: {replicas: 2, serviceName: llm,"
                + " selector: {matchLabels: {app: llm}}, template: {metadata: {labels: {app: llm}, annotations: {" + annotations + "}},"
                + " spec: {securityContext: {runAsNonRoot: true, fsGroup: 1000},"
                + " containers: [{name: main, image: vllm, resources: {requests: {cpu: 1, memory: 1Gi}},"
                + " volumeMounts: [{name: weights, mountPath: /models" + readOnly + "}]}],"
                + " volumes: [{name: weights, persistentVolumeClaim: {claimName: weights}}" + moreVolumes + "]}}}}";
    }

    private static final String S3 = "s3.csi.aws.com";
    private static final String GCS = "gcsfuse.csi.storage.gke.io";
    private static final String RO = ", readOnly: true";

    @Test
    void theShapesTheConstructsWriteAreClean() {
        assertEquals(List.of(), found("DRV,OBJ,HYD", readOnlyBucket(S3, "region us-east-1",
                "bucketName: acme, cache: emptyDir, cacheEmptyDirSizeLimit: 20Gi", server(RO, "", ""))));
        assertEquals(List.of(), found("DRV,OBJ,HYD", readOnlyBucket(GCS, "implicit-dirs", "fileCacheCapacity: 50Gi",
                server(RO, "gke-gcsfuse/volumes: \"true\"", ", {name: gke-gcsfuse-cache, emptyDir: {sizeLimit: 50Gi}}"))));
    }

    @Test
    void obj001AReadWriteBucketClaimForServing() {
        assertEquals(List.of("OBJ001 error prod StatefulSet/data/llm: StatefulSet llm mounts bucket claim weights (s3.csi.aws.com)"
                        + " [ReadWriteMany]: a server must not write its weights; use a ReadOnlyMany claim mounted readOnly"),
                found("OBJ001", bucketPv(S3, "ReadWriteMany", "region us-east-1", "bucketName: acme", ""), bucketPvc("ReadWriteMany"),
                        server(RO, "", "")));
        assertEquals(List.of("OBJ001 error prod StatefulSet/data/llm: StatefulSet llm mounts bucket claim weights (s3.csi.aws.com)"
                        + " [ReadOnlyMany] without readOnly: a server must not write its weights; use a ReadOnlyMany claim mounted readOnly"),
                found("OBJ001", readOnlyBucket(S3, "region us-east-1", "bucketName: acme", server("", "", ""))));
    }

    @Test
    void obj002AFileCacheWithoutAVolume() {
        assertEquals(List.of("OBJ002 error prod PersistentVolume/weights-pv: caches on an emptyDir without cacheEmptyDirSizeLimit: the"
                        + " cache fills the node's disk until the pod is evicted"),
                found("OBJ002", readOnlyBucket(S3, "", "bucketName: acme, cache: emptyDir", server(RO, "", ""))));
        assertEquals(List.of("OBJ002 error prod PersistentVolume/weights-pv: turns the cache on with the mount option cache, which the"
                        + " driver puts on an emptyDir without a size limit: use volumeAttributes cache: emptyDir with cacheEmptyDirSizeLimit"),
                found("OBJ002", readOnlyBucket(S3, "cache /tmp/cache", "bucketName: acme")));
        assertEquals(List.of("OBJ002 error prod StatefulSet/data/llm: StatefulSet llm mounts bucket claim weights (gcsfuse.csi.storage.gke.io)"
                        + " with a file cache of 51200Mi, which lives on the pod volume gke-gcsfuse-cache: the pod has none, and GKE adds an"
                        + " emptyDir without a size limit; add it as an emptyDir with sizeLimit (or an ephemeral volume) of at least the"
                        + " cache's capacity"),
                found("OBJ002", readOnlyBucket(GCS, "", "fileCacheCapacity: 50Gi", server(RO, "gke-gcsfuse/volumes: \"true\"", ""))));
        assertEquals(List.of("OBJ002 error prod StatefulSet/data/llm: StatefulSet llm mounts bucket claim weights (gcsfuse.csi.storage.gke.io)"
                        + " with a file cache of 1024Mi, which lives on the pod volume gke-gcsfuse-cache, sized only 512Mi: the cache outgrows"
                        + " its volume and the pod is evicted; size it at least as the cache"),
                found("OBJ002", readOnlyBucket(GCS, "file-cache:max-size-mb:1024", "",
                        server(RO, "gke-gcsfuse/volumes: \"true\"", ", {name: gke-gcsfuse-cache, emptyDir: {sizeLimit: 512Mi}}"))));
        assertEquals(1, found("OBJ002", readOnlyBucket(GCS, "", "fileCacheCapacity: \"-1\"",
                server(RO, "gke-gcsfuse/volumes: \"true\"", ", {name: gke-gcsfuse-cache, emptyDir: {sizeLimit: 50Gi}}"))).size(),
                "an unlimited cache has no bounded volume");
    }

    @Test
    void obj003AGcsFuseVolumeInAPodWithoutTheSidecarAnnotation() {
        assertEquals(List.of("OBJ003 error prod StatefulSet/data/llm: StatefulSet llm mounts bucket claim weights (gcsfuse.csi.storage.gke.io)"
                        + " without the pod annotation gke-gcsfuse/volumes: \"true\": the driver's sidecar is not injected and the volume"
                        + " never mounts"),
                found("OBJ003", readOnlyBucket(GCS, "", "", server(RO, "", ""))));
    }

    @Test
    void obj004ABlobfuseVolumeWithoutUidOrGid() {
        assertEquals(List.of("OBJ004 warning prod PersistentVolume/weights-pv: mounts a blob container with blobfuse, which ignores the"
                        + " pods' fsGroup, and no '-o uid=' or '-o gid=' mount option: give the files to the pods' user and group"
                        + " (docs/driver-parameters.md)"),
                found("OBJ004", readOnlyBucket("blob.csi.azure.com", "-o allow_other", "containerName: w, storageAccount: a")));
        assertEquals(List.of(), found("OBJ004", readOnlyBucket("blob.csi.azure.com", "-o allow_other, -o gid=1000",
                "containerName: w, storageAccount: a")));
    }

    @Test
    void drv001AndDrv002ModesAFileSystemOrBucketCannotGive() {
        assertEquals(List.of("DRV002 error prod PersistentVolume/weights-pv: offers volumeMode Block on s3.csi.aws.com (Mountpoint for"
                        + " Amazon S3), which gives file systems only: a FUSE mount of a bucket is never a block device"),
                found("DRV", bucketPv(S3, "ReadOnlyMany", "", "bucketName: acme", ", volumeMode: Block")));
        assertEquals(List.of("DRV001 error prod PersistentVolume/weights-pv: offers ReadWriteOnce on s3.csi.aws.com (Mountpoint for Amazon S3),"
                        + " which gives [ReadOnlyMany, ReadWriteMany]"),
                found("DRV", bucketPv(S3, "ReadWriteOnce", "", "bucketName: acme", "")));
        String lustre = Docs.storageClass("lustre", "fsx.csi.aws.com", "Retain", "Immediate")
                .replace("{type: gp3, encrypted: \"true\"}", "{subnetId: subnet-0123456789abcdef0}");
        assertEquals(List.of("DRV001 error prod PersistentVolumeClaim/data/datasets: asks class lustre for ReadOnlyMany on fsx.csi.aws.com"
                        + " (Amazon FSx for Lustre), which gives [ReadWriteOnce, ReadWriteMany]: the volume never provisions",
                        "DRV002 error prod PersistentVolumeClaim/data/scratch: asks class lustre for volumeMode Block on fsx.csi.aws.com"
                        + " (Amazon FSx for Lustre), which gives file systems only: the volume never provisions"),
                found("DRV", lustre, Docs.pvc("datasets", "lustre", "1200Gi", "ReadOnlyMany", ""),
                        Docs.pvc("scratch", "lustre", "1200Gi", "ReadWriteOnce", ", volumeMode: Block")));
    }

    private static String pdClass(String name, String multiZone) {
        return "{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: " + name + "}, provisioner: pd.csi.storage.gke.io,"
                + " parameters: {type: hyperdisk-ml" + multiZone + "}, reclaimPolicy: Retain, volumeBindingMode: Immediate}";
    }

    @Test
    void hyd001AMultiZoneClassTakesNoCloneAndRestoresOnlyReadOnlyMany() {
        String multi = pdClass("hdml", ", enable-multi-zone-provisioning: \"true\"");
        String snapshot = ", dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: weights}";
        assertEquals(List.of("HYD001 error prod PersistentVolumeClaim/data/clone: clones claim weights-fill on class hdml, whose"
                        + " enable-multi-zone-provisioning takes no clones: restore a snapshot instead",
                        "HYD001 error prod PersistentVolumeClaim/data/writable: restores VolumeSnapshot weights as [ReadWriteOnce] on class hdml,"
                        + " whose enable-multi-zone-provisioning restores only ReadOnlyMany: fill on a class without it, serve the snapshot"
                        + " ReadOnlyMany"),
                found("HYD", multi, Docs.pvc("served", "hdml", "100Gi", "ReadOnlyMany", snapshot),
                        Docs.pvc("writable", "hdml", "100Gi", "ReadWriteOnce", snapshot),
                        Docs.pvc("clone", "hdml", "100Gi", "ReadOnlyMany", ", dataSource: {kind: PersistentVolumeClaim, name: weights-fill}")));
    }

    @Test
    void hyd002ANewReadOnlyManyDiskWithoutADataSource() {
        assertEquals(List.of("HYD002 error prod PersistentVolumeClaim/data/empty: asks class hdml (pd.csi.storage.gke.io) for a new"
                        + " ReadOnlyMany disk without a data source: it starts empty and no pod can write it; restore it from a snapshot of"
                        + " a filled claim"),
                found("HYD", pdClass("hdml", ""), Docs.pvc("empty", "hdml", "100Gi", "ReadOnlyMany", "")));
    }
}
