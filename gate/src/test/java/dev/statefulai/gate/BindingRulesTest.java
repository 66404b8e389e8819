package dev.statefulai.gate;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import static dev.statefulai.gate.testing.GateFixture.cleanWith;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BIND001-BIND012: each rule on a small broken set, with the exact finding. */
class BindingRulesTest {
    @TempDir
    Path tmp;

    private static final String NVME = "{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: nvme},"
            + " provisioner: kubernetes.io/no-provisioner, reclaimPolicy: Retain, volumeBindingMode: WaitForFirstConsumer}";

    private static String localPv(String name, String size, String affinity) {
        return "{apiVersion: v1, kind: PersistentVolume, metadata: {name: " + name + "}, spec: {storageClassName: nvme,"
                + " capacity: {storage: " + size + "}, accessModes: [ReadWriteOnce], persistentVolumeReclaimPolicy: Retain,"
                + " local: {path: /mnt/disk}" + affinity + "}}";
    }

    private static String onNode(String node) {
        return ", nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname,"
                + " operator: In, values: [" + node + "]}]}]}}";
    }

    private static String[] plus(String[] docs, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(docs));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private List<String> check(String... docs) {
        return lines(new GateFixture(tmp).file("prod", "app.yaml", docs).run());
    }

    @Test
    void cleanSetHasNoFindings() {
        assertEquals(List.of(), check(Docs.cleanSet()));
    }

    @Test
    void bind001ReplicaClaimWithoutFreeLocalVolume() {
        List<String> found = check(NVME, Docs.headless("db"), Docs.statefulSet("db", 3, "nvme", "100Gi"), Docs.pdb("db"),
                localPv("pv-0", "200Gi", onNode("n0")), localPv("pv-1", "0.2Ti", onNode("n1")), localPv("pv-small", "50Gi", onNode("n2")));
        assertEquals(List.of(
                "BIND001 error prod PersistentVolumeClaim/data/data-db-2: stays Pending: class nvme has no provisioner"
                        + " (kubernetes.io/no-provisioner), and no free PersistentVolume fits (class nvme, 100Gi, [ReadWriteOnce],"
                        + " Filesystem); PVs of the class: pv-0 is taken by data-db-0; pv-1 is taken by data-db-1;"
                        + " pv-small: it holds 50Gi, the claim requests 100Gi",
                "BIND010 warning prod PersistentVolume/pv-small: no claim in dist/prod binds it (nvme, 50Gi, [ReadWriteOnce]):"
                        + " it stays Available and unused"), found);
    }

    @Test
    void bind001AccessModeMismatchWithoutProvisioning() {
        List<String> found = check(Docs.pv("plain", "\"\"", "20Gi", "ReadWriteOnce", ""),
                Docs.pvc("shared", "\"\"", "10Gi", "ReadWriteMany", ""));
        assertEquals(List.of(
                "BIND001 error prod PersistentVolumeClaim/data/shared: stays Pending: storageClassName \"\" turns dynamic"
                        + " provisioning off, and no free PersistentVolume fits (class \"\", 10Gi, [ReadWriteMany], Filesystem);"
                        + " PVs of the class: plain: it offers [ReadWriteOnce], the claim needs [ReadWriteMany]",
                "BIND010 warning prod PersistentVolume/plain: no claim in dist/prod binds it (no class, 20Gi, [ReadWriteOnce]):"
                        + " it stays Available and unused"), found);
    }

    @Test
    void bind001SelectorAndVolumeModeAreHonoured() {
        List<String> found = check(Docs.gp3(),
                Docs.pv("block", "gp3", "20Gi", "ReadWriteOnce", ", volumeMode: Block").replace("tier: archive", "tier: hot"),
                Docs.pv("cold", "gp3", "20Gi", "ReadWriteOnce", ""),
                Docs.pvc("hot", "gp3", "10Gi", "ReadWriteOnce", ", selector: {matchLabels: {tier: hot}}"));
        assertEquals(List.of(
                "BIND001 error prod PersistentVolumeClaim/data/hot: stays Pending: it has a selector, so only an existing PV can"
                        + " satisfy it (provisioners ignore selector claims), and no free PersistentVolume fits (class gp3, 10Gi,"
                        + " [ReadWriteOnce], Filesystem); PVs of the class: block: its volumeMode is Block, the claim's Filesystem;"
                        + " cold: its labels do not match the claim's selector",
                "BIND010 warning prod PersistentVolume/block: no claim in dist/prod binds it (gp3, 20Gi, [ReadWriteOnce]):"
                        + " it stays Available and unused",
                "BIND010 warning prod PersistentVolume/cold: no claim in dist/prod binds it (gp3, 20Gi, [ReadWriteOnce]):"
                        + " it stays Available and unused"), found);
    }

    @Test
    void dynamicProvisioningSatisfiesClaimsOfARealProvisioner() {
        assertEquals(List.of(), check(Docs.gp3(), Docs.pvc("scratch", "gp3", "1T", "ReadWriteOnce", "")));
    }

    @Test
    void bind002UndefinedClassIsAssumedToExist() {
        List<String> found = check(Docs.headless("db"), Docs.statefulSet("db", 1, "fast", "10Gi"),
                Docs.pvc("nameless", "gp3", "1Gi", "ReadWriteOnce", "").replace("storageClassName: gp3, ", ""));
        assertEquals(List.of(
                "BIND002 warning prod StorageClass/(cluster default): claims without storageClassName rely on the cluster's"
                        + " default StorageClass, and dist/prod marks none default (storageclass.kubernetes.io/is-default-class);"
                        + " used by PersistentVolumeClaim/data/nameless",
                "BIND002 warning prod StorageClass/fast: StorageClass fast is not defined in dist/prod: assumed to exist in the"
                        + " cluster (not checked: provisioner, binding mode); used by StatefulSet/data/db"), found);
    }

    @Test
    void bind003VolumeNameOfAMissingVolume() {
        assertEquals(List.of(
                "BIND003 error prod PersistentVolume/archive-pv: claimRef reserves it for PersistentVolumeClaim/data/archive,"
                        + " but that claim's volumeName names missing-pv",
                "BIND003 error prod PersistentVolumeClaim/data/archive: volumeName names PersistentVolume missing-pv, which is"
                        + " not in dist/prod: the claim stays Pending"),
                check(cleanWith(5, "volumeName: archive-pv", "volumeName: missing-pv")));
    }

    @Test
    void bind003VolumeReservedForAnotherClaim() {
        assertEquals(List.of("BIND003 error prod PersistentVolumeClaim/data/archive: volumeName names PersistentVolume archive-pv,"
                        + " but its claimRef reserves it for PersistentVolumeClaim/data/other"),
                check(cleanWith(4, "name: archive}", "name: other}")));
    }

    @Test
    void bind003PreBoundVolumeTooSmall() {
        assertEquals(List.of("BIND003 error prod PersistentVolumeClaim/data/archive: volumeName names PersistentVolume archive-pv,"
                        + " which does not fit: it holds 100Gi, the claim requests 200Gi"),
                check(cleanWith(5, "storage: 100Gi", "storage: 200Gi")));
    }

    @Test
    void bind003ClaimRefToAClaimItDoesNotFit() {
        String[] docs = cleanWith(5, ", volumeName: archive-pv", "");
        docs[5] = docs[5].replace("storage: 100Gi", "storage: 200Gi");
        assertEquals(List.of("BIND003 error prod PersistentVolume/archive-pv: claimRef reserves it for"
                + " PersistentVolumeClaim/data/archive, which it does not fit: it holds 100Gi, the claim requests 200Gi"), check(docs));
    }

    @Test
    void claimRefWinsOverASmallerFreeVolume() {
        assertEquals(List.of("BIND010 warning prod PersistentVolume/spare: no claim in dist/prod binds it (gp3, 100Gi,"
                        + " [ReadWriteOnce]): it stays Available and unused"),
                check(Docs.gp3(), Docs.pv("spare", "gp3", "100Gi", "ReadWriteOnce", ""),
                        Docs.pv("archive-pv", "gp3", "200Gi", "ReadWriteOnce", claimRef("archive")),
                        Docs.pvc("archive", "gp3", "100Gi", "ReadWriteOnce", "")));
    }

    @Test
    void bind004TwoClaimsPreBindOneVolume() {
        assertEquals(List.of("BIND004 error prod PersistentVolumeClaim/data/copy: volumeName names PersistentVolume archive-pv,"
                        + " which PersistentVolumeClaim/data/archive already pre-binds: a PV binds one claim only"),
                check(plus(Docs.cleanSet(), Docs.pvc("copy", "gp3", "100Gi", "ReadWriteOnce", ", volumeName: archive-pv"))));
    }

    @Test
    void bind005SharedModesOnBlockDisks() {
        List<String> found = check(Docs.gp3(), Docs.pvc("shared", "gp3", "10Gi", "ReadWriteMany", ""),
                Docs.pv("ro", "gp3", "10Gi", "ReadOnlyMany", claimRef("reader")),
                Docs.pvc("reader", "gp3", "10Gi", "ReadOnlyMany", ", volumeName: ro"));
        assertEquals(List.of(
                "BIND005 error prod PersistentVolume/ro: offers ReadOnlyMany on ebs.csi.aws.com, whose disks attach to one node"
                        + " at a time: pods on a second node fail with Multi-Attach",
                "BIND005 error prod PersistentVolumeClaim/data/shared: asks for ReadWriteMany from class gp3 (ebs.csi.aws.com),"
                        + " whose disks attach to one node at a time: the volume never provisions; use ReadWriteOnce per replica"
                        + " or a shared-filesystem class (EFS, Filestore, Azure Files, NFS)"), found);
    }

    @Test
    void bind005AGcePersistentDiskCanBeReadOnlyManyButNotReadWriteMany() {
        String pd = Docs.storageClass("pd", "pd.csi.storage.gke.io", "Retain", "WaitForFirstConsumer");
        assertEquals(List.of("BIND005 error prod PersistentVolumeClaim/data/writers: asks for ReadWriteMany from class pd"
                        + " (pd.csi.storage.gke.io), whose disks attach to one node at a time: the volume never provisions;"
                        + " use ReadWriteOnce per replica or a shared-filesystem class (EFS, Filestore, Azure Files, NFS)"),
                // A new ReadOnlyMany disk needs data (HYD002): the readers restore a snapshot (outside this folder: RST003's
                // warning, not this rule's business).
                check(pd, Docs.pvc("readers", "pd", "10Gi", "ReadOnlyMany", ", dataSource: {apiGroup: snapshot.storage.k8s.io,"
                        + " kind: VolumeSnapshot, name: filled}"), Docs.pvc("writers", "pd", "10Gi", "ReadWriteMany", ""))
                        .stream().filter(finding -> !finding.startsWith("RST003 ")).toList());
    }

    private static String claimRef(String claim) {
        return Docs.claimRef(claim);
    }

    @Test
    void bind006RetiredInTreeProvisioner() {
        assertEquals(List.of("BIND006 warning prod StorageClass/old: provisioner kubernetes.io/gce-pd is a retired in-tree plugin"
                        + " (it works only through CSI migration to pd.csi.storage.gke.io): use provisioner pd.csi.storage.gke.io in a new class"),
                check(Docs.storageClass("old", "kubernetes.io/gce-pd", "Retain", "WaitForFirstConsumer")));
    }

    @Test
    void bind007RetiredInTreeVolumeSource() {
        String pv = Docs.pv("legacy", "gp3", "10Gi", "ReadWriteOnce", claimRef("archive"))
                .replace("csi: {driver: ebs.csi.aws.com, volumeHandle: vol-legacy}", "awsElasticBlockStore: {volumeID: vol-1}");
        assertEquals(List.of("BIND007 warning prod PersistentVolume/legacy: uses the retired in-tree source spec.awsElasticBlockStore:"
                        + " use spec.csi with driver ebs.csi.aws.com (same volume id as volumeHandle)"),
                check(Docs.gp3(), pv, Docs.pvc("archive", "gp3", "10Gi", "ReadWriteOnce", "")));
    }

    @Test
    void bind008LocalVolumeWithoutNodeAffinity() {
        // the API server refuses it too (API003), before the binding proof's reason
        assertEquals(List.of("API003 error prod PersistentVolume/pv-0: spec.nodeAffinity: Required value: Local volume requires node"
                        + " affinity (ValidatePersistentVolumeSpec)",
                        "BIND008 error prod PersistentVolume/pv-0: is a local volume without spec.nodeAffinity.required: the"
                        + " scheduler cannot know which node holds /mnt/disk and pods may start on a node without the disk"),
                check(NVME, Docs.headless("db"), Docs.statefulSet("db", 1, "nvme", "100Gi"), localPv("pv-0", "100Gi", "")));
    }

    @Test
    void bind009LocalVolumeClassBindsImmediately() {
        assertEquals(List.of("BIND009 error prod PersistentVolume/pv-0: is a local volume of class nvme, whose volumeBindingMode is"
                        + " Immediate: claims bind before the scheduler picks a node, pinning pods to whichever node the PV is on"
                        + " regardless of their other constraints; use WaitForFirstConsumer"),
                check(NVME.replace("WaitForFirstConsumer", "Immediate"), Docs.headless("db"), Docs.statefulSet("db", 1, "nvme", "100Gi"),
                        localPv("pv-0", "100Gi", onNode("n0"))));
    }

    @Test
    void bind010VolumeReservedForAClaimNotInDist() {
        assertEquals(List.of("BIND010 warning prod PersistentVolume/orphan: claimRef reserves it for PersistentVolumeClaim/data/gone,"
                        + " which is not in dist/prod: it stays Available and unused"),
                check(Docs.gp3(), Docs.pv("orphan", "gp3", "10Gi", "ReadWriteOnce", claimRef("gone"))));
    }

    @Test
    void bind011ServiceMissingOrNotHeadless() {
        assertEquals(List.of("BIND011 error prod StatefulSet/data/db: serviceName db names a Service that is not headless"
                        + " (needs clusterIP: None): pods get no per-pod DNS names"),
                check(cleanWith(1, "clusterIP: None", "clusterIP: 10.0.0.7")));
        assertEquals(List.of("BIND011 error prod StatefulSet/data/db: serviceName db names no Service in namespace data of dist/prod:"
                        + " pods get no stable DNS names"),
                check(cleanWith(1, "namespace: data", "namespace: other")));
    }

    @Test
    void bind012ReadWriteOnceClaimSharedByReplicas() {
        String deployment = "{apiVersion: apps/v1, kind: Deployment, metadata: {name: reader, namespace: data}, spec: {replicas: 2,"
                + " selector: {matchLabels: {app: reader}}, template: {metadata: {labels: {app: reader}}, spec: {affinity: "
                + Docs.antiAffinity("reader") + ", containers: [" + Docs.MAIN + "], volumes: [{name: archive,"
                + " persistentVolumeClaim: {claimName: archive}}]}}}}";
        assertEquals(List.of("BIND012 error prod Deployment/data/reader: Deployment reader has 2 replicas that all mount claim archive"
                        + " [ReadWriteOnce]: the volume attaches to one node, so replicas elsewhere hang in ContainerCreating"
                        + " (Multi-Attach error); use volumeClaimTemplates (one claim per replica) or a ReadWriteMany class"),
                check(plus(Docs.cleanSet(), deployment)));
    }

    @Test
    void bind002NamesTheFirstUsersOfAMissingClassAndCountsTheRest() {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(Docs.pvc("claim-" + i, "fast", "1Gi", "ReadWriteOnce", ""));
        }
        assertEquals(List.of("BIND002 warning prod StorageClass/fast: StorageClass fast is not defined in dist/prod: assumed to"
                        + " exist in the cluster (not checked: provisioner, binding mode); used by PersistentVolumeClaim/data/claim-0,"
                        + " PersistentVolumeClaim/data/claim-1, PersistentVolumeClaim/data/claim-2 and 37 more (40 objects)"),
                check(docs.toArray(String[]::new)));
    }

    /**
     * The controller gives an unbound claim the smallest volume that fits ({@code FindMatchingVolume},
     * k8s.io/component-helpers storage/volume/pv_helpers.go, release-1.28); the binder's capacity index
     * must pick the same one, skip volumes of another access mode, volume mode or selector, and among
     * equal sizes the first in dist order.
     */
    @Test
    void freeClaimsTakeTheSmallestFittingVolumeFirstInDistOrderAmongEquals() {
        String big = localPv("big", "1Ti", onNode("n0"));
        String second = localPv("second-100", "100Gi", onNode("n1"));
        String first = localPv("first-100", "0.09765625Ti", onNode("n2"));
        String shared = localPv("rwx-50", "50Gi", onNode("n3")).replace("[ReadWriteOnce]", "[ReadWriteMany]");
        String block = localPv("block-60", "60Gi", onNode("n4")).replace("accessModes:", "volumeMode: Block, accessModes:");
        String claims = Docs.pvc("small", "nvme", "40Gi", "ReadWriteOnce", "") + "\n---\n"
                + Docs.pvc("medium", "nvme", "90Gi", "ReadWriteOnce", "") + "\n---\n"
                + Docs.pvc("medium-2", "nvme", "90Gi", "ReadWriteOnce", "");
        // Claims bind in dist order: small takes the smallest RWO Filesystem fit (first-100, before its equal
        // second-100), medium the other 100Gi, medium-2 the 1Ti; rwx-50 and block-60 fit none.
        assertEquals(List.of(
                "BIND010 warning prod PersistentVolume/block-60: no claim in dist/prod binds it (nvme, 60Gi, [ReadWriteOnce]):"
                        + " it stays Available and unused",
                "BIND010 warning prod PersistentVolume/rwx-50: no claim in dist/prod binds it (nvme, 50Gi, [ReadWriteMany]):"
                        + " it stays Available and unused"),
                check(NVME, big, first, second, shared, block, claims));
        assertEquals(List.of(
                "BIND001 error prod PersistentVolumeClaim/data/third: stays Pending: class nvme has no provisioner"
                        + " (kubernetes.io/no-provisioner), and no free PersistentVolume fits (class nvme, 90Gi, [ReadWriteOnce],"
                        + " Filesystem); PVs of the class: second-100 is taken by small; first-100 is taken by medium"),
                check(NVME, second, first, Docs.pvc("small", "nvme", "40Gi", "ReadWriteOnce", ""),
                        Docs.pvc("medium", "nvme", "90Gi", "ReadWriteOnce", ""),
                        Docs.pvc("third", "nvme", "90Gi", "ReadWriteOnce", "")));
    }
}
