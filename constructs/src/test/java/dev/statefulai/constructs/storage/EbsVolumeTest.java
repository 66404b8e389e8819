package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.Manifests;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EbsVolumeTest {
    private static final String VOLUME_ID = "vol-0123456789abcdef0";

    @Test
    void keepsIdAndZone() {
        EbsVolume v = Volumes.assertNames(AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a"), VOLUME_ID, "ebs.csi.aws.com");
        assertEquals("us-east-1a", v.zone());
    }

    @Test
    void isACsiVolumeTiedToItsZone() {
        Map<String, Object> spec = Volumes.persistentVolumeSpec(AwsEbs.gp3().existingVolume(VOLUME_ID, "eu-west-1b"));
        Volumes.assertZonalCsi(spec, "ebs.csi.aws.com", VOLUME_ID, "eu-west-1b");
        assertNull(spec.get("awsElasticBlockStore"));
    }

    @Test
    void carriesTheBackendsFileSystem() {
        EbsVolume v = AwsEbs.builder().fsType("xfs").build().existingVolume(VOLUME_ID, "us-east-1a");
        assertEquals("xfs", Manifests.at(Volumes.persistentVolumeSpec(v), "csi.fsType"));
    }

    @Test
    void isAnInTreeVolumeForTheLegacyProvisioner() {
        EbsVolume v = AwsEbs.builder().legacyInTreeProvisioner(true).build().existingVolume(VOLUME_ID, "us-east-1a");
        assertEquals("kubernetes.io/aws-ebs", v.provisioner());
        Map<String, Object> spec = Volumes.persistentVolumeSpec(v);
        assertEquals(Map.of("volumeID", VOLUME_ID, "fsType", "ext4"), spec.get("awsElasticBlockStore"));
        assertNull(spec.get("csi"));
        assertEquals(Volumes.requiredAffinity("topology.kubernetes.io/zone", "us-east-1a"), spec.get("nodeAffinity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vol-1a2b3c4d", "vol-0123456789abcdef0"})
    void acceptsOldAndNewIds(String id) {
        assertEquals(id, AwsEbs.gp3().existingVolume(id, "us-east-1a").handle());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vol-123", "vol-0123456789ABCDEF0", "0123456789abcdef0", "vol-0123456789abcdef", "vol-0123456789abcdefg"})
    void rejectsAMalformedId(String id) {
        assertInvalid("EbsVolume: prop 'volumeId' is '" + id + "'; allowed: an EBS volume id: 'vol-' and 17 (or, for old volumes, 8) "
                + "lower-case hex digits", () -> AwsEbs.gp3().existingVolume(id, "us-east-1a"));
    }

    @Test
    void rejectsAMissingId() {
        assertInvalid("EbsVolume: prop 'volumeId' is missing; allowed: an EBS volume id such as vol-0123456789abcdef0",
                () -> AwsEbs.gp3().existingVolume(null, "us-east-1a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-gov-west-1a", "ap-southeast-2c"})
    void acceptsZones(String zone) {
        assertEquals(zone, AwsEbs.gp3().existingVolume(VOLUME_ID, zone).zone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "US-EAST-1A", "useast1a", "us-east-1ab"})
    void rejectsAMalformedZone(String zone) {
        assertInvalid("EbsVolume: prop 'zone' is '" + zone + "'; allowed: an availability zone such as us-east-1a",
                () -> AwsEbs.gp3().existingVolume(VOLUME_ID, zone));
    }

    @Test
    void rejectsAMissingZone() {
        assertInvalid("EbsVolume: prop 'zone' is missing; allowed: an availability zone such as us-east-1a",
                () -> AwsEbs.gp3().existingVolume(VOLUME_ID, ""));
    }

    @Test
    void aCsiVolumeCanBePublishedReadOnly() {
        EbsVolume v = AwsEbs.gp3().existingVolume(VOLUME_ID, "us-east-1a");
        org.junit.jupiter.api.Assertions.assertTrue(v.supportsReadOnly());
        assertEquals(Map.of("driver", "ebs.csi.aws.com", "volumeHandle", VOLUME_ID, "fsType", "ext4", "readOnly", true),
                Volumes.persistentVolumeSpec(v, true).get("csi"));
    }

    @Test
    void anInTreeVolumeCannotBeReadOnly() {
        EbsVolume v = AwsEbs.builder().legacyInTreeProvisioner(true).build().existingVolume(VOLUME_ID, "us-east-1a");
        org.junit.jupiter.api.Assertions.assertFalse(v.supportsReadOnly());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> v.applyTo(org.cdk8s.plus28.k8s.PersistentVolumeSpec.builder(), true));
        assertEquals(VOLUME_ID + " on the in-tree provisioner cannot be published read-only", e.getMessage());
    }
}
