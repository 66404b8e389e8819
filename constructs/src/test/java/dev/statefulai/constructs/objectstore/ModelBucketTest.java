package dev.statefulai.constructs.objectstore;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.PodSecurity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Buckets as read-only model volumes: a static volume, a claim pre-bound to it from both sides, and the pods' own identity. */
class ModelBucketTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/model-reader";

    private static S3Bucket s3() {
        return S3Bucket.builder().bucket("acme-models").region("us-east-1").prefix("llama-3.1-8b/").metadataTtl("indefinite")
                .roleArn(ROLE).cache("20Gi", false).build();
    }

    private static Manifests synth(Bucket bucket) {
        return Manifests.synth("llm", chart -> new ModelBucket(chart, "weights", ModelBucketProps.builder().name("model-weights").bucket(bucket).build()));
    }

    @Test
    void anS3BucketIsAStaticReadOnlyVolumeAndAClaimBoundToItWithPodIdentity() {
        Manifests m = synth(s3());
        assertEquals(List.of("ServiceAccount", "PersistentVolume", "PersistentVolumeClaim"), m.kinds());
        Map<String, Object> pv = m.one("PersistentVolume");
        assertEquals("llm-model-weights", Manifests.at(pv, "metadata.name"));
        assertEquals("", Manifests.at(pv, "spec.storageClassName"));
        assertEquals(List.of("ReadOnlyMany"), Manifests.at(pv, "spec.accessModes"));
        assertEquals("Retain", Manifests.at(pv, "spec.persistentVolumeReclaimPolicy"));
        assertEquals(Map.of("apiVersion", "v1", "kind", "PersistentVolumeClaim", "namespace", "llm", "name", "model-weights"),
                Manifests.at(pv, "spec.claimRef"));
        assertEquals(List.of("region us-east-1", "prefix llama-3.1-8b/", "metadata-ttl indefinite"), Manifests.at(pv, "spec.mountOptions"));
        assertEquals(Map.of("driver", "s3.csi.aws.com", "volumeHandle", "llm-model-weights", "readOnly", true, "volumeAttributes",
                Map.of("bucketName", "acme-models", "authenticationSource", "pod", "stsRegion", "us-east-1", "cache", "emptyDir",
                        "cacheEmptyDirSizeLimit", "20Gi")), Manifests.at(pv, "spec.csi"));
        assertEquals("", m.at("PersistentVolumeClaim", "spec.storageClassName"));
        assertEquals("llm-model-weights", m.at("PersistentVolumeClaim", "spec.volumeName"));
        assertEquals(List.of("ReadOnlyMany"), m.at("PersistentVolumeClaim", "spec.accessModes"));
        assertEquals(Map.of("eks.amazonaws.com/role-arn", ROLE), m.at("ServiceAccount", "metadata.annotations"));
        assertEquals(false, m.at("ServiceAccount", "automountServiceAccountToken"));
    }

    @Test
    void withoutAnIdentityTheDriversCredentialsReadTheBucketAndNoServiceAccountIsMade() {
        Manifests m = synth(S3Bucket.builder().bucket("acme-models").cacheOn("local-nvme", "100Gi").allowOther(true).owner(1000, 1000).build());
        assertEquals(List.of("PersistentVolume", "PersistentVolumeClaim"), m.kinds());
        assertEquals(Map.of("bucketName", "acme-models", "cache", "ephemeral", "cacheEphemeralStorageClassName", "local-nvme",
                "cacheEphemeralStorageResourceRequest", "100Gi"), m.at("PersistentVolume", "spec.csi.volumeAttributes"));
        assertEquals(List.of("allow-other", "uid=1000", "gid=1000"), m.at("PersistentVolume", "spec.mountOptions"));
    }

    @Test
    void aGcsBucketIsItsVolumeHandleAndGivesPodsTheSidecarAnnotationAndACacheVolumeOfTheCachesSize() {
        GcsBucket gcs = GcsBucket.builder().bucket("acme-models").onlyDir("llama-3.1-8b").implicitDirs(true).metadataCacheTtlSeconds(-1)
                .fileCache("50Gi").parallelDownloads(true).gcpServiceAccount("model-reader@ml-prod.iam.gserviceaccount.com")
                .sidecar("memory-limit", "2Gi").sidecar("cpu-limit", "2").build();
        Manifests m = synth(gcs);
        assertEquals(Map.of("driver", "gcsfuse.csi.storage.gke.io", "volumeHandle", "acme-models", "readOnly", true,
                "volumeAttributes", Map.of("fileCacheCapacity", "50Gi", "metadataCacheTTLSeconds", "-1")), m.at("PersistentVolume", "spec.csi"));
        assertEquals(List.of("implicit-dirs", "only-dir=llama-3.1-8b", "file-cache:enable-parallel-downloads:true"),
                m.at("PersistentVolume", "spec.mountOptions"));
        assertEquals(Map.of("iam.gke.io/gcp-service-account", "model-reader@ml-prod.iam.gserviceaccount.com"),
                m.at("ServiceAccount", "metadata.annotations"));
        assertEquals(Map.of("gke-gcsfuse/volumes", "true", "gke-gcsfuse/memory-limit", "2Gi", "gke-gcsfuse/cpu-limit", "2"), gcs.podAnnotations());
        assertEquals("gke-gcsfuse-cache", gcs.podVolumes().get(0).getName());
        assertEquals("50Gi", gcs.podVolumes().get(0).getEmptyDir().getSizeLimit().getValue());
        assertEquals("local-ssd", GcsBucket.builder().bucket("acme-models").fileCacheOn("local-ssd", "50Gi").build().podVolumes().get(0)
                .getEphemeral().getVolumeClaimTemplate().getSpec().getStorageClassName());
    }

    @Test
    void anAzureBlobContainerGivesTheFilesToThePodsUserByMountOptionsSinceBlobfuseIgnoresFsGroup() {
        Manifests m = synth(AzureBlobContainer.builder().storageAccount("acmemodels").container("weights").owner(PodSecurity.of(1001, 2000))
                .clientId("00000000-0000-0000-0000-000000000000").build());
        assertEquals(List.of("-o allow_other", "-o uid=1001", "-o gid=2000"), m.at("PersistentVolume", "spec.mountOptions"));
        assertEquals("acmemodels_weights", m.at("PersistentVolume", "spec.csi.volumeHandle"));
        assertEquals(Map.of("storageAccount", "acmemodels", "containerName", "weights", "protocol", "fuse2",
                "clientID", "00000000-0000-0000-0000-000000000000"), m.at("PersistentVolume", "spec.csi.volumeAttributes"));
        assertNull(m.at("ServiceAccount", "metadata.annotations"), "workload identity needs no annotation");
    }

    @Test
    void servingMountsTheClaimReadOnlyInEveryReplica() {
        ClaimTemplate[] template = new ClaimTemplate[1];
        Manifests.synth(chart -> template[0] = new ModelBucket(chart, "b", ModelBucketProps.builder().name("model-weights").bucket(s3()).build())
                .servingClaimTemplate("/models"));
        assertEquals("model-weights", template[0].existingClaim());
        assertTrue(template[0].readOnly() && template[0].isShared());
        assertEquals(List.of(AccessMode.READ_ONLY_MANY), template[0].claim().accessModes());
    }

    @Test
    void aReadWriteBucketClaimIsRefusedForServing() {
        assertInvalid("ModelBucket 'checkpoints': prop 'accessMode' is 'ReadWriteMany'; allowed: ReadOnlyMany for serving: replicas mount"
                + " the weights read-only, and a read-write bucket claim lets any of them change them",
                () -> Manifests.synth(chart -> new ModelBucket(chart, "b", ModelBucketProps.builder().name("checkpoints").bucket(s3())
                        .accessMode(AccessMode.READ_WRITE_MANY).build()).servingClaimTemplate("/models")));
    }

    @Test
    void blockModeAndSingleNodeModesAreRefusedByTheCatalog() {
        assertInvalid("ModelBucket 'w': prop 'volumeMode' is Block; allowed: Filesystem: s3.csi.aws.com mounts the bucket through FUSE as a"
                + " file system and gives no block devices (the catalog's [Filesystem])",
                () -> Manifests.synth(chart -> new ModelBucket(chart, "b", ModelBucketProps.builder().name("w").bucket(s3())
                        .volumeMode(VolumeMode.BLOCK).build())));
        assertInvalid("ModelBucket 'w': prop 'accessMode' is 'ReadWriteOnce'; allowed: ReadOnlyMany, or ReadWriteMany for a bucket pods"
                + " write: a bucket is read by many nodes (s3.csi.aws.com gives [ReadOnlyMany, ReadWriteMany])",
                () -> Manifests.synth(chart -> new ModelBucket(chart, "b", ModelBucketProps.builder().name("w").bucket(s3())
                        .accessMode(AccessMode.READ_WRITE_ONCE).build())));
    }

    @Test
    void aFileCacheWithoutAVolumeOfAGivenSizeIsRefused() {
        assertInvalid("S3Bucket: prop 'cacheSize' is missing; allowed: the cache's size: a file cache needs a volume of a given size to live on",
                () -> S3Bucket.builder().bucket("acme-models").cacheOn("local-nvme", null).build());
        assertInvalid("GcsBucket: prop 'fileCacheCapacity' is missing; allowed: the file cache's capacity: parallel downloads fill the file"
                + " cache, which needs a volume of a given size", () -> GcsBucket.builder().bucket("acme-models").parallelDownloads(true).build());
        assertInvalid("GcsBucket: prop 'fileCacheCapacity' is '-1'; allowed: " + dev.statefulai.constructs.Messages.SIZE,
                () -> GcsBucket.builder().bucket("acme-models").fileCache("-1").build());
    }

    @Test
    void mountpointsOwnRulesAreChecked() {
        assertInvalid("S3Bucket: prop 'prefix' is 'llama'; allowed: a key prefix ending in '/', such as models/llama-3.1-8b/",
                () -> S3Bucket.builder().bucket("acme-models").prefix("llama").build());
        assertInvalid("S3Bucket: prop 'region' is missing; allowed: the bucket's region with roleArn: pod-level credentials need the STS region",
                () -> S3Bucket.builder().bucket("acme-models").roleArn(ROLE).build());
        assertInvalid("S3Bucket: prop 'metadataTtl' is 'forever'; allowed: seconds, indefinite (entries never expire: for objects that never"
                + " change) or minimal", () -> S3Bucket.builder().bucket("acme-models").metadataTtl("forever").build());
        assertInvalid("S3Bucket: prop 'roleArn' is 'model-reader'; allowed: the ARN of an IAM role, such as"
                + " arn:aws:iam::111122223333:role/model-reader", () -> S3Bucket.builder().bucket("acme-models").region("us-east-1").roleArn("model-reader").build());
    }

    @Test
    void anExistingServiceAccountIsNamedNotMade() {
        Manifests m = Manifests.synth("llm", chart -> new ModelBucket(chart, "b", ModelBucketProps.builder().name("w").bucket(s3())
                .serviceAccountName("llm-reader").createServiceAccount(false).build()));
        assertEquals(List.of("PersistentVolume", "PersistentVolumeClaim"), m.kinds());
    }
}
