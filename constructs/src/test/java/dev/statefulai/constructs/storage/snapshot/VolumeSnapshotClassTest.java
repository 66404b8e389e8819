package dev.statefulai.constructs.storage.snapshot;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.AwsEfs;
import dev.statefulai.constructs.storage.AzureDisk;
import dev.statefulai.constructs.storage.GcePd;
import dev.statefulai.constructs.storage.LocalDisks;
import dev.statefulai.constructs.storage.NfsCsi;
import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.ReclaimPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeSnapshotClassTest {
    private static final String ERR = "VolumeSnapshotClass 'ebs-snapshots': ";

    private static VolumeSnapshotClassProps.Builder minimal() {
        return VolumeSnapshotClassProps.builder().name("ebs-snapshots").backend(AwsEbs.gp3());
    }

    private static Map<String, Object> rendered(String namespace, VolumeSnapshotClassProps.Builder props) {
        return Manifests.synth(namespace, chart -> new VolumeSnapshotClass(chart, "snapshots", props.build())).one("VolumeSnapshotClass");
    }

    private static VolumeSnapshotClass build(VolumeSnapshotClassProps.Builder props) {
        return new VolumeSnapshotClass(Manifests.chart(null), "snapshots", props.build());
    }

    @Test
    void defaultsToTheBackendsDriverAndRetain() {
        assertEquals(SnapshotObjects.object("VolumeSnapshotClass", "ebs-snapshots",
                Map.of("driver", "ebs.csi.aws.com", "deletionPolicy", "Retain")), rendered(null, minimal()));
    }

    @Test
    void isClusterScopedEvenInANamespacedChart() {
        Map<String, Object> vsc = rendered("ml", minimal());
        assertEquals(Map.of("name", "ebs-snapshots"), vsc.get("metadata"));
    }

    @Test
    void writesEveryOption() {
        Map<String, Object> vsc = rendered(null, minimal().deletionPolicy(ReclaimPolicy.DELETE).defaultClass(true)
                .parameters(Map.of("tagSpecification_1", "team=ml")).labels(Map.of("tier", "backup")));
        assertEquals("Delete", vsc.get("deletionPolicy"));
        assertEquals(Map.of("tagSpecification_1", "team=ml"), vsc.get("parameters"));
        assertEquals(Map.of("snapshot.storage.kubernetes.io/is-default-class", "true"), Manifests.at(vsc, "metadata.annotations"));
        assertEquals(Map.of("tier", "backup"), Manifests.at(vsc, "metadata.labels"));
    }

    @Test
    void takesTheDriverOfEverySnapshottingBackend() {
        assertEquals("pd.csi.storage.gke.io", rendered(null, minimal().backend(GcePd.balanced())).get("driver"));
        assertEquals("disk.csi.azure.com", rendered(null, minimal().backend(AzureDisk.premium())).get("driver"));
        assertEquals("nfs.csi.k8s.io", rendered(null, minimal().backend(NfsCsi.share("nfs.internal", "/exports"))).get("driver"));
    }

    @Test
    void gettersAndOutputs() {
        VolumeSnapshotClass vsc = build(minimal());
        assertEquals("ebs.csi.aws.com", vsc.getDriver());
        SnapshotObjects.assertTells(vsc, "ebs-snapshots", "VolumeSnapshotClass",
                Map.of("kind", "VolumeSnapshotClass", "driver", "ebs.csi.aws.com", "deletionPolicy", "Retain"));
    }

    /** A missing name is reported under the construct id. */
    @Test
    void rejectsANameThatIsNotADnsSubdomainOrMissing() {
        Messages.assertNameRefused("VolumeSnapshotClass", "snapshots", "EBS", Messages.DNS_SUBDOMAIN, name -> build(minimal().name(name)));
    }

    @Test
    void rejectsAMissingBackend() {
        assertInvalid(ERR + "prop 'backend' is missing; allowed: a backend whose CSI driver takes snapshots, such as AwsEbs.gp3(), "
                + "GcePd.balanced(), AzureDisk.premium() or an NfsCsi", () -> build(minimal().backend(null)));
    }

    @Test
    void rejectsBackendsWithoutSnapshots() {
        String allowed = "allowed: a backend whose CSI driver takes snapshots: AWS EBS (CSI), GCE PD, Azure Disk or NFS CSI "
                + "(EFS: back up with AWS Backup; local disks and in-tree provisioners: none)";
        assertInvalid(ERR + "prop 'backend' is 'AWS EFS fs-0123456789abcdef0 (efs.csi.aws.com)'; " + allowed,
                () -> build(minimal().backend(AwsEfs.accessPoints("fs-0123456789abcdef0"))));
        assertInvalid(ERR + "prop 'backend' is 'AWS EBS gp3 (kubernetes.io/aws-ebs)'; " + allowed,
                () -> build(minimal().backend(AwsEbs.builder().legacyInTreeProvisioner(true).build())));
        assertInvalid(ERR + "prop 'backend' is 'local disks (kubernetes.io/no-provisioner)'; " + allowed,
                () -> build(minimal().backend(LocalDisks.noProvisioner())));
    }

    @Test
    void rejectsAMissingDeletionPolicy() {
        assertInvalid(ERR + "prop 'deletionPolicy' is missing; allowed: Retain or Delete", () -> build(minimal().deletionPolicy(null)));
    }

    @Test
    void rejectsAParameterWithoutKey() {
        assertInvalid(ERR + "prop 'parameters' is ' '; allowed: driver parameters with a key and a value",
                () -> build(minimal().parameters(Map.of(" ", "x"))));
    }

    @Test
    void rejectsAParameterWithoutValue() {
        Map<String, String> noValue = new HashMap<>();
        noValue.put("type", null);
        assertInvalid(ERR + "prop 'parameters' is 'type'; allowed: driver parameters with a key and a value",
                () -> build(minimal().parameters(noValue)));
    }

    @Test
    void fastSnapshotRestoreZonesAreTheEbsParameterJoinedByCommas() {
        // docs/snapshot.md of kubernetes-sigs/aws-ebs-csi-driver: fastSnapshotRestoreAvailabilityZones, comma-separated
        Map<String, Object> vsc = rendered(null, minimal().parameters(Map.of("tagSpecification_1", "team=ml"))
                .fastSnapshotRestoreZones(List.of("us-east-1a", "us-east-1b")));
        assertEquals(Map.of("tagSpecification_1", "team=ml", "fastSnapshotRestoreAvailabilityZones", "us-east-1a,us-east-1b"),
                vsc.get("parameters"));
    }

    @Test
    void fastSnapshotRestoreIsRefusedForOtherDriversBadZonesAndTwice() {
        assertInvalid("VolumeSnapshotClass 'pd': prop 'fastSnapshotRestoreZones' is 'us-central1-a'; allowed: none for"
                        + " pd.csi.storage.gke.io: fast snapshot restore is an EBS parameter (ebs.csi.aws.com)",
                () -> build(minimal().name("pd").backend(GcePd.balanced()).fastSnapshotRestoreZones(List.of("us-central1-a"))));
        assertInvalid(ERR + "prop 'fastSnapshotRestoreZones' is 'use1-az1'; allowed: an availability zone name such as us-east-1a or"
                + " eu-west-2b", () -> build(minimal().fastSnapshotRestoreZones(List.of("use1-az1"))));
        assertInvalid(ERR + "prop 'fastSnapshotRestoreZones' is 'us-east-1a,us-east-1a'; allowed: each zone once, and not also as"
                + " parameters.fastSnapshotRestoreAvailabilityZones", () -> build(minimal().fastSnapshotRestoreZones(List.of("us-east-1a", "us-east-1a"))));
        assertInvalid(ERR + "prop 'fastSnapshotRestoreZones' is 'us-east-1a'; allowed: each zone once, and not also as"
                        + " parameters.fastSnapshotRestoreAvailabilityZones",
                () -> build(minimal().parameters(Map.of("fastsnapshotrestoreavailabilityzones", "us-east-1b"))
                        .fastSnapshotRestoreZones(List.of("us-east-1a"))));
    }
}
