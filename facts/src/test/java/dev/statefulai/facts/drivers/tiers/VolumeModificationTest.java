package dev.statefulai.facts.drivers.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.facts.drivers.Parameter;
import dev.statefulai.facts.drivers.SnapshotParameters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The drivers that change volumes in place by claim annotations: EBS, with the keys of
 * pkg/driver/controller_modify_volume.go and the prefix volume-modifier-for-k8s strips.
 */
class VolumeModificationTest {
    @Test
    void ebsModifiesTypeIopsAndThroughputByAnnotationsPrefixedWithTheDriversName() {
        VolumeModification ebs = VolumeModification.of("ebs.csi.aws.com").orElseThrow();
        assertEquals("ebs.csi.aws.com/type", ebs.annotation("type"));
        assertEquals("ebs.csi.aws.com/iops", ebs.annotation("iops"));
        assertEquals("ebs.csi.aws.com/throughput", ebs.annotation("throughput"));
        assertEquals(List.of("type", "iops", "throughput"), ebs.parameters().stream().map(Parameter::key).toList());
        assertTrue(ebs.parameterOf("ebs.csi.aws.com/type").orElseThrow().accepts("io2"));
        assertEquals(Optional.empty(), ebs.parameterOf("ebs.csi.aws.com/encrypted"));
        assertEquals(Optional.empty(), ebs.parameterOf("example.com/type"));
    }

    @Test
    void ec2AllowsOneChangeOfAVolumeInSixHours() {
        assertEquals(Duration.ofHours(6), VolumeModification.EBS.cooldown());
        assertTrue(VolumeModification.EBS.prerequisite().contains("controller.volumeModificationFeature.enabled"));
        assertTrue(VolumeModification.EBS.docs().endsWith("docs/modify-volume.md"));
    }

    @Test
    void otherDriversAndOtherKeysAreNotModifiable() {
        assertEquals(Optional.empty(), VolumeModification.of("pd.csi.storage.gke.io"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VolumeModification.EBS.annotation("encrypted"));
        assertTrue(e.getMessage().startsWith("ebs.csi.aws.com modifies no volume attribute 'encrypted'"), e.getMessage());
    }

    @Test
    void ebsSnapshotClassesTakeFastSnapshotRestoreZones() {
        assertTrue(SnapshotParameters.documents("ebs.csi.aws.com", "fastSnapshotRestoreAvailabilityZones"));
        assertTrue(SnapshotParameters.documents("ebs.csi.aws.com", "fastsnapshotrestoreavailabilityzones"), "the driver lower-cases keys");
        assertEquals(List.of(), SnapshotParameters.of("disk.csi.azure.com"));
        assertTrue(SnapshotParameters.AVAILABILITY_ZONE.matches("us-east-1a"));
        assertTrue(SnapshotParameters.AVAILABILITY_ZONE.matches("us-gov-west-1b"));
        assertTrue(!SnapshotParameters.AVAILABILITY_ZONE.matches("use1-az1") && !SnapshotParameters.AVAILABILITY_ZONE.matches("us-east-1"));
    }
}
