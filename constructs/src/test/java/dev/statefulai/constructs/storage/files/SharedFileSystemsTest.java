package dev.statefulai.constructs.storage.files;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.pipeline.DataPipelineStorage;
import dev.statefulai.constructs.pipeline.DataPipelineStorageProps;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FSx for Lustre and Filestore: dynamic classes and existing file systems, ReadWriteMany. */
class SharedFileSystemsTest {
    private static final String SUBNET = "subnet-0123456789abcdef0";
    private static final List<String> GROUPS = List.of("sg-0123456789abcdef0");

    @Test
    void lustreMakesAPersistentFileSystemPerClaimLinkedToS3() {
        FsxLustre fsx = FsxLustre.builder().subnetId(SUBNET).securityGroupIds(GROUPS).perUnitStorageThroughput(250)
                .s3ImportPath("s3://ml-datasets/train").s3ExportPath("s3://ml-datasets/export").compressed(true).build();
        assertEquals(Map.of("subnetId", SUBNET, "securityGroupIds", "sg-0123456789abcdef0", "deploymentType", "PERSISTENT_2",
                "perUnitStorageThroughput", "250", "s3ImportPath", "s3://ml-datasets/train", "s3ExportPath", "s3://ml-datasets/export",
                "dataCompressionType", "LZ4"), fsx.parameters());
        assertEquals("fsx.csi.aws.com", fsx.provisioner());
        assertTrue(fsx.provisionsVolumes() && fsx.supportsExpansion());
        assertEquals(java.util.Set.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_MANY), fsx.accessModes());
        assertFalse(fsx.supportsBlockVolumes());
    }

    @Test
    void lustreRefusesWhatTheFsxApiRefuses() {
        assertInvalid("FsxLustre: prop 'perUnitStorageThroughput' is 200; allowed: one of [125, 250, 500, 1000] MB/s per TiB for"
                + " deploymentType PERSISTENT_2", () -> FsxLustre.persistent(SUBNET, GROUPS, 200));
        assertInvalid("FsxLustre: prop 'perUnitStorageThroughput' is 125; allowed: nothing for deploymentType SCRATCH_2: only"
                + " persistent file systems take it",
                () -> FsxLustre.builder().subnetId(SUBNET).securityGroupIds(GROUPS).deploymentType("SCRATCH_2").perUnitStorageThroughput(125).build());
        assertInvalid("FsxLustre: prop 's3ExportPath' is 's3://other/export'; allowed: a path in the bucket of s3ImportPath"
                + " (s3://ml-datasets/train): the driver exports only to the bucket it imports from",
                () -> FsxLustre.builder().subnetId(SUBNET).securityGroupIds(GROUPS).perUnitStorageThroughput(125)
                        .s3ImportPath("s3://ml-datasets/train").s3ExportPath("s3://other/export").build());
        assertInvalid("FsxLustre: prop 'securityGroupIds' is missing; allowed: one or more security group ids, such as"
                + " sg-0123456789abcdef0, that allow Lustre (port 988) from the nodes", () -> FsxLustre.persistent(SUBNET, List.of(), 125));
        assertInvalid("FsxLustre: prop 'deploymentType' is 'PERSISTENT_3'; allowed: one of [PERSISTENT_1, PERSISTENT_2, SCRATCH_1, SCRATCH_2]",
                () -> FsxLustre.builder().deploymentType("PERSISTENT_3").build());
        assertInvalid("FsxLustre: prop 'subnetId' is missing; allowed: the subnet to create file systems in, when securityGroupIds,"
                + " s3ImportPath or perUnitStorageThroughput are set", () -> FsxLustre.builder().securityGroupIds(GROUPS).build());
    }

    @Test
    void anExistingLustreFileSystemIsAVolumeWithItsDnsAndMountNameAndFlock() {
        FsxLustreVolume v = FsxLustre.staticVolumes().existingVolume("fs-0123456789abcdef0",
                "fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com", "abcdef01");
        Manifests m = Manifests.synth(chart -> new DataPipelineStorage(chart, "datasets", DataPipelineStorageProps.builder().name("datasets")
                .namespace("ml")
                .storageClass(StorageClassSpec.builder().name("lustre").backend(FsxLustre.staticVolumes()).mountOptions(List.of(FsxLustre.FLOCK)).build())
                .volumes(PipelineVolume.builder().name("train").size("1200Gi").accessModes(AccessMode.READ_WRITE_MANY).volume(v).build())
                .build()));
        assertEquals(Map.of("driver", "fsx.csi.aws.com", "volumeHandle", "fs-0123456789abcdef0",
                "volumeAttributes", Map.of("dnsname", "fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com", "mountname", "abcdef01")),
                m.at("PersistentVolume", "spec.csi"));
        assertEquals(List.of("flock"), m.at("PersistentVolume", "spec.mountOptions"));
        assertEquals("train", m.at("PersistentVolume", "spec.claimRef.name"));
        assertEquals("ml-train", m.at("PersistentVolumeClaim", "spec.volumeName"));
        assertInvalid("FsxLustreVolume: prop 'dnsName' is 'fsx.example.com'; allowed: the file system's DNS name,"
                + " fs-0123456789abcdef0.fsx.<region>.amazonaws.com",
                () -> FsxLustre.staticVolumes().existingVolume("fs-0123456789abcdef0", "fsx.example.com", "abcdef01"));
    }

    @Test
    void filestoreTakesTierNetworkReservedRangeAndConnectMode() {
        Filestore peering = Filestore.builder().tier("zonal").network("ml-vpc").reservedIpRange("10.0.16.0/20").build();
        assertEquals(Map.of("tier", "zonal", "network", "ml-vpc", "connect-mode", "DIRECT_PEERING", "reserved-ipv4-cidr", "10.0.16.0/20"),
                peering.parameters());
        Filestore psa = Filestore.builder().tier("enterprise").network("projects/host/global/networks/shared")
                .connectMode("PRIVATE_SERVICE_ACCESS").reservedIpRange("filestore-range").build();
        assertEquals("filestore-range", psa.parameters().get("reserved-ip-range"));
        assertEquals(Map.of("tier", "standard", "network", "default", "connect-mode", "DIRECT_PEERING"), Filestore.instances("standard").parameters());
        assertTrue(psa.supportsExpansion() && psa.supportsSnapshots() && psa.accessModes().contains(AccessMode.READ_WRITE_MANY));
    }

    @Test
    void filestoreRefusesARangeOrNetworkOfTheOtherConnectMode() {
        assertInvalid("Filestore: prop 'reservedIpRange' is 'filestore-range'; allowed: a CIDR range such as 10.0.16.0/20, with DIRECT_PEERING",
                () -> Filestore.builder().reservedIpRange("filestore-range").build());
        assertInvalid("Filestore: prop 'network' is 'shared'; allowed: the VPC's full name, projects/<project>/global/networks/<network>,"
                + " with PRIVATE_SERVICE_ACCESS", () -> Filestore.builder().network("shared").connectMode("PRIVATE_SERVICE_ACCESS").build());
        assertInvalid("Filestore: prop 'tier' is 'gold'; allowed: one of [basic_hdd, basic_ssd, enterprise, high_scale_ssd, premium, regional,"
                + " standard, zonal]", () -> Filestore.instances("gold"));
    }

    @Test
    void anExistingFilestoreShareIsAVolumeWithItsIpAndShare() {
        FilestoreVolume v = Filestore.instances("standard").existingVolume("us-central1-a", "datasets", "vol1", "10.0.16.2");
        assertEquals("modeInstance/us-central1-a/datasets/vol1", v.handle());
        Manifests m = Manifests.synth(chart -> new DataPipelineStorage(chart, "datasets", DataPipelineStorageProps.builder().name("datasets")
                .storageClass(StorageClassSpec.builder().name("filestore").backend(Filestore.instances("standard")).build())
                .volumes(PipelineVolume.builder().name("shared").size("1Ti").accessModes(AccessMode.READ_WRITE_MANY).volume(v).build())
                .build()));
        assertEquals(Map.of("ip", "10.0.16.2", "volume", "vol1"), m.at("PersistentVolume", "spec.csi.volumeAttributes"));
        assertInvalid("FilestoreVolume: prop 'ip' is 'filer'; allowed: the instance's IPv4 address",
                () -> Filestore.instances("standard").existingVolume("us-central1-a", "datasets", "vol1", "filer"));
    }

    @Test
    void aPipelineRefusesReadOnlyManyOnLustreAndBlockOnBothByTheCatalog() {
        StorageClassSpec lustre = StorageClassSpec.builder().name("lustre").backend(FsxLustre.persistent(SUBNET, GROUPS, 125)).build();
        assertInvalid("DataPipelineStorage 'd': prop 'volumes[0].accessModes' is 'ReadOnlyMany'; allowed: what Amazon FSx for Lustre"
                + " PERSISTENT_2 in subnet-0123456789abcdef0 (fsx.csi.aws.com) can give: [ReadWriteMany, ReadWriteOnce]",
                () -> Manifests.synth(chart -> new DataPipelineStorage(chart, "d", DataPipelineStorageProps.builder().name("d").storageClass(lustre)
                        .volumes(PipelineVolume.builder().name("v").size("1200Gi").accessModes(AccessMode.READ_ONLY_MANY).build()).build())));
    }
}
