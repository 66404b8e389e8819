package dev.statefulai.constructs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.Refusal;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
    void theKmsKeyIsSpelledTheSameForTheCsiDriverAndTheInTreeProvisioner() {
        String key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertEquals(key, AwsEbs.builder().kmsKeyId(key).build().parameters().get("kmsKeyId"));
        assertEquals(key, AwsEbs.builder().legacyInTreeProvisioner(true).kmsKeyId(key).build().parameters().get("kmsKeyId"));
        assertEquals("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/ml-data", AwsEbs.builder()
                .kmsKeyId("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/ml-data").build().parameters().get("kmsKeyId"));
    }

    @Test
    void io2TakesProvisionedIops() {
        AwsEbs ebs = AwsEbs.builder().volumeType("io2").iops(64000).build();
        assertEquals(Map.of("type", "io2", "encrypted", "true", "iops", "64000", "csi.storage.k8s.io/fstype", "ext4"), ebs.parameters());
        assertEquals("io2", ebs.volumeType());
        assertTrue(ebs.supportsSnapshots());
        assertFalse(AwsEbs.builder().legacyInTreeProvisioner(true).build().supportsSnapshots());
    }

    @Test
    void gp3ThroughputUpToAQuarterOfItsIops() {
        assertEquals("750", AwsEbs.builder().throughput(750).build().parameters().get("throughput"));
        assertEquals("2000", AwsEbs.builder().iops(8000).throughput(2000).build().parameters().get("throughput"));
    }

    private static Refusal refusal(String name, Consumer<AwsEbs.Builder> props, String message) {
        return Refusal.of(name, message, AwsEbs::builder, props, AwsEbs.Builder::build);
    }

    static Stream<Refusal> refusals() {
        String inTree = "AwsEbs: prop 'legacyInTreeProvisioner' is true; allowed: false when iops or throughput are set: "
                + "the in-tree provisioner does not take them";
        String gp3Throughput = "; allowed: from 125 to %s MiB/s: gp3 gives at most 2000 MiB/s and 0.25 MiB/s per provisioned IOPS (%s)";
        return Stream.of(
                refusal("an unknown volume type", b -> b.volumeType("gp4"),
                        "AwsEbs: prop 'volumeType' is 'gp4'; allowed: one of [gp2, gp3, io1, io2, sc1, st1, standard]"),
                refusal("throughput on anything but gp3", b -> b.volumeType("io2").throughput(500),
                        "AwsEbs: prop 'throughput' is 500; allowed: only with volumeType gp3"),
                refusal("iops on the in-tree provisioner", b -> b.legacyInTreeProvisioner(true).iops(4000), inTree),
                refusal("throughput on the in-tree provisioner", b -> b.legacyInTreeProvisioner(true).throughput(250), inTree),
                refusal("io2 without iops", b -> b.volumeType("io2"), "AwsEbs: prop 'iops' is missing; allowed: the provisioned IOPS"
                        + " of every io2 volume, from 100 to 256000: io2 has no baseline"),
                refusal("io1 without iops", b -> b.volumeType("io1"), "AwsEbs: prop 'iops' is missing; allowed: the provisioned IOPS"
                        + " of every io1 volume, from 100 to 64000: io1 has no baseline"),
                refusal("iops on a type with fixed performance", b -> b.volumeType("gp2").iops(4000),
                        "AwsEbs: prop 'iops' is 4000; allowed: only with volumeType gp3, io1 or io2 (gp2 has a fixed performance per GiB)"),
                refusal("iops below gp3's limit", b -> b.iops(2000), "AwsEbs: prop 'iops' is 2000; allowed: from 3000 to 80000 for volumeType gp3"),
                refusal("iops above io2's limit", b -> b.volumeType("io2").iops(300000),
                        "AwsEbs: prop 'iops' is 300000; allowed: from 100 to 256000 for volumeType io2"),
                refusal("iops above io1's limit", b -> b.volumeType("io1").iops(64001),
                        "AwsEbs: prop 'iops' is 64001; allowed: from 100 to 64000 for volumeType io1"),
                refusal("throughput above gp3's baseline", b -> b.throughput(1000),
                        "AwsEbs: prop 'throughput' is 1000" + gp3Throughput.formatted(750, "3000 IOPS, the baseline")),
                refusal("throughput above gp3's limit", b -> b.iops(16000).throughput(2500),
                        "AwsEbs: prop 'throughput' is 2500" + gp3Throughput.formatted(2000, "16000 IOPS")),
                refusal("throughput below gp3's limit", b -> b.throughput(100),
                        "AwsEbs: prop 'throughput' is 100" + gp3Throughput.formatted(750, "3000 IOPS, the baseline")),
                refusal("a KMS key without encryption", b -> b.encrypted(false).kmsKeyId("arn:aws:kms:us-east-1:111122223333:key/abcd"),
                        "AwsEbs: prop 'kmsKeyId' is 'arn:aws:kms:us-east-1:111122223333:key/abcd'; allowed: only with encrypted true"),
                refusal("a KMS key that is not an ARN", b -> b.kmsKeyId("1234abcd"), "AwsEbs: prop 'kmsKeyId' is '1234abcd'; allowed:"
                        + " the ARN of a KMS key or alias, such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(Refusal refusal) {
        refusal.assertRefused();
    }
}
