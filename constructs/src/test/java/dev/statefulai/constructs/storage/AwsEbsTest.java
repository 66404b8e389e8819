package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.AccessMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AwsEbsTest {

    @Test
    void gp3IsEncryptedExt4OnTheCsiDriver() {
        AwsEbs ebs = AwsEbs.gp3();
        assertEquals("ebs.csi.aws.com", ebs.provisioner());
        assertEquals(Map.of("type", "gp3", "encrypted", "true", "csi.storage.k8s.io/fstype", "ext4"), ebs.parameters());
        assertTrue(ebs.isEncrypted());
        assertFalse(ebs.isInTree());
        assertEquals("ext4", ebs.fsType());
        assertEquals("AWS EBS gp3 (ebs.csi.aws.com)", ebs.displayName());
    }

    @Test
    void attachesToOneNodeAndCanGrow() {
        AwsEbs ebs = AwsEbs.gp3();
        assertEquals(Set.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD), ebs.accessModes());
        assertTrue(ebs.supportsExpansion());
        assertFalse(ebs.isNodeLocal());
    }

    @Test
    void writesEveryTuningParameter() {
        AwsEbs ebs = AwsEbs.builder().volumeType("gp3").iops(6000).throughput(500)
                .kmsKeyId("arn:aws:kms:us-east-1:111122223333:key/abcd").fsType("xfs").build();
        assertEquals(Map.of(
                "type", "gp3",
                "encrypted", "true",
                "iops", "6000",
                "throughput", "500",
                "kmsKeyId", "arn:aws:kms:us-east-1:111122223333:key/abcd",
                "csi.storage.k8s.io/fstype", "xfs"), ebs.parameters());
    }

    @Test
    void canBeUnencrypted() {
        AwsEbs ebs = AwsEbs.builder().volumeType("st1").encrypted(false).build();
        assertFalse(ebs.isEncrypted());
        assertEquals("false", ebs.parameters().get("encrypted"));
        assertEquals("AWS EBS st1 (ebs.csi.aws.com)", ebs.displayName());
    }

    @Test
    void theLegacyInTreeProvisionerTakesFsType() {
        AwsEbs ebs = AwsEbs.builder().legacyInTreeProvisioner(true).build();
        assertTrue(ebs.isInTree());
        assertEquals("kubernetes.io/aws-ebs", ebs.provisioner());
        assertEquals(Map.of("type", "gp3", "encrypted", "true", "fsType", "ext4"), ebs.parameters());
        assertEquals("AWS EBS gp3 (kubernetes.io/aws-ebs)", ebs.displayName());
    }

    @Test
    void anExistingVolumeBelongsToTheSameProvisioner() {
        assertEquals("ebs.csi.aws.com", AwsEbs.gp3().existingVolume("vol-1a2b3c4d", "us-east-1a").provisioner());
        assertEquals("kubernetes.io/aws-ebs", AwsEbs.builder().legacyInTreeProvisioner(true).build()
                .existingVolume("vol-1a2b3c4d", "us-east-1a").provisioner());
    }

    @Test
    void rejectsAnUnknownVolumeType() {
        assertInvalid("AwsEbs: prop 'volumeType' is 'gp4'; allowed: one of [gp2, gp3, io1, io2, sc1, st1, standard]",
                () -> AwsEbs.builder().volumeType("gp4").build());
    }

    @Test
    void rejectsThroughputOnAnythingButGp3() {
        assertInvalid("AwsEbs: prop 'throughput' is 500; allowed: only with volumeType gp3",
                () -> AwsEbs.builder().volumeType("io2").throughput(500).build());
    }

    @Test
    void rejectsIopsOrThroughputOnTheInTreeProvisioner() {
        String message = "AwsEbs: prop 'legacyInTreeProvisioner' is true; allowed: false when iops or throughput are set: "
                + "the in-tree provisioner does not take them";
        assertInvalid(message, () -> AwsEbs.builder().legacyInTreeProvisioner(true).iops(4000).build());
        assertInvalid(message, () -> AwsEbs.builder().legacyInTreeProvisioner(true).throughput(250).build());
    }
}
