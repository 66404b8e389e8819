package dev.statefulai.gate;

import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import dev.statefulai.gate.testing.CommittedDist;
import dev.statefulai.gate.testing.CommittedDistTest;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IMM001-IMM006 against a temp git repo: commit a dist file, change it, compare with HEAD. */
class ImmutableChangeRulesTest extends CommittedDistTest {
    private List<String> changeTo(String... docs) {
        return lines(dist.change(docs).againstHead());
    }

    private static String[] with(int index, String from, String to) {
        return GateFixture.cleanWith(index, from, to);
    }

    @Test
    void unchangedDistHasNoFindings() throws Exception {
        dist.commit(Docs.cleanSet());
        Report report = dist.againstHead();
        assertEquals(List.of(), lines(report));
        assertEquals(List.of(), report.notes().stream().filter(n -> !n.startsWith("schema")).toList());
    }

    @Test
    void imm001GrowingVolumeClaimTemplatesNeedsOrphanDeleteAndPerClaimPatches() throws Exception {
        dist.commit(Docs.cleanSet());
        Report report = dist.change(with(2, "storage: 10Gi", "storage: 20Gi")).againstHead();
        assertEquals(List.of("IMM001 error prod StatefulSet/data/db: spec.volumeClaimTemplates changed: the API server rejects the"
                + " update (these StatefulSet fields are immutable)"), lines(report));
        assertEquals("kubectl -n data delete statefulset db --cascade=orphan  # pods and claims keep running; then apply"
                + " dist/prod (kubectl apply -k dist/prod): the new StatefulSet adopts the pods; existing claims keep 10Gi: grow"
                + " them one by one, waiting for each resize to finish:"
                + " kubectl -n data patch pvc data-db-0 -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"20Gi\"}}}}';"
                + " kubectl -n data patch pvc data-db-1 -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"20Gi\"}}}}';"
                + " kubectl -n data patch pvc data-db-2 -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"20Gi\"}}}}'",
                report.findings().get(0).migration());
    }

    @Test
    void imm001TemplateGrowthOnAClassWithoutExpansionSaysSo() throws Exception {
        dist.commit(with(0, "allowVolumeExpansion: true", "allowVolumeExpansion: false"));
        String[] changed = with(0, "allowVolumeExpansion: true", "allowVolumeExpansion: false");
        changed[2] = changed[2].replace("storage: 10Gi", "storage: 20Gi").replace("OrderedReady", "Parallel");
        dist.change(changed);
        Finding f = dist.againstHead().findings().get(0);
        assertEquals("IMM001 error prod StatefulSet/data/db: spec.volumeClaimTemplates, spec.podManagementPolicy changed: the API"
                + " server rejects the update (these StatefulSet fields are immutable)", GateFixture.line(f));
        assertTrue(f.migration().endsWith("; template data grows 10Gi -> 20Gi but class gp3 does not allow volume expansion in"
                + " dist: existing claims stay 10Gi (copy the data to new claims, or enable allowVolumeExpansion on the class first)"),
                f.migration());
    }

    @Test
    void imm002StorageClassParametersChanged() throws Exception {
        dist.commit(Docs.cleanSet());
        List<String> found = changeTo(with(0, "type: gp3", "type: io2"));
        assertEquals(List.of("IMM002 error prod StorageClass/gp3: parameters changed: the API server rejects the update"
                + " (StorageClass fields are immutable)"), found);
        Finding f = dist.againstHead().findings().get(0);
        assertEquals("give the class a new name (e.g. gp3-v2) and point new claims at it; or 'kubectl delete storageclass gp3'"
                + " and apply again. Either way existing PVs keep the old settings", f.migration());
    }

    @Test
    void imm002ReclaimPolicyAndBindingModeChanged() throws Exception {
        dist.commit(Docs.cleanSet());
        String[] docs = with(0, "volumeBindingMode: WaitForFirstConsumer", "volumeBindingMode: Immediate");
        docs[0] = docs[0].replace("reclaimPolicy: Retain", "reclaimPolicy: Delete");
        dist.change(docs);
        assertEquals("IMM002 error prod StorageClass/gp3: reclaimPolicy (Retain -> Delete), volumeBindingMode"
                        + " (WaitForFirstConsumer -> Immediate) changed: the API server rejects the update (StorageClass fields are immutable)",
                GateFixture.line(dist.againstHead().byRule(Rule.IMM002).get(0)));
    }

    @Test
    void imm003VolumeSourceChanged() throws Exception {
        dist.commit(Docs.cleanSet());
        assertEquals(List.of("IMM003 error prod PersistentVolume/archive-pv: volume source changed (csi vol-archive-pv -> csi"
                + " vol-new): the API server rejects the update (a PV's source is immutable)"),
                changeTo(with(4, "volumeHandle: vol-archive-pv", "volumeHandle: vol-new")));
    }

    @Test
    void imm004ClaimAccessModesChangedAndRequestShrank() throws Exception {
        dist.commit(Docs.cleanSet());
        String[] docs = with(5, "storage: 100Gi", "storage: 50Gi");
        docs[5] = docs[5].replace("[ReadWriteOnce]", "[ReadWriteOncePod]");
        List<String> found = changeTo(docs);
        assertEquals(List.of("BIND003 error prod PersistentVolumeClaim/data/archive: volumeName names PersistentVolume archive-pv,"
                + " which does not fit: it offers [ReadWriteOnce], the claim needs [ReadWriteOncePod]",
                "IMM004 error prod PersistentVolumeClaim/data/archive: accessModes, resources.requests.storage shrank"
                + " 100Gi -> 50Gi: the API server rejects the update (a bound claim's spec is immutable except growing its request)"), found);
        assertEquals("create a claim with a new name and the new spec, copy the data into it (a Job mounting both, or restore a"
                + " VolumeSnapshot), switch the workload to it, then delete the old claim", dist.againstHead().byRule(Rule.IMM004).get(0).migration());
    }

    @Test
    void imm004StorageClassNameChanged() throws Exception {
        dist.commit(Docs.gp3(), Docs.storageClass("io2", "ebs.csi.aws.com", "Retain", "WaitForFirstConsumer"),
                Docs.pvc("scratch", "gp3", "10Gi", "ReadWriteOnce", ""));
        assertEquals(List.of("IMM004 error prod PersistentVolumeClaim/data/scratch: storageClassName (gp3 -> io2): the API server rejects the"
                        + " update (a bound claim's spec is immutable except growing its request)"),
                changeTo(Docs.gp3(), Docs.storageClass("io2", "ebs.csi.aws.com", "Retain", "WaitForFirstConsumer"),
                        Docs.pvc("scratch", "io2", "10Gi", "ReadWriteOnce", "")));
    }

    @Test
    void imm005GrowingAClaimWhoseClassCannotExpand() throws Exception {
        String fixed = Docs.gp3().replace("allowVolumeExpansion: true", "allowVolumeExpansion: false");
        dist.commit(fixed, Docs.pvc("scratch", "gp3", "10Gi", "ReadWriteOnce", ""));
        assertEquals(List.of("IMM005 warning prod PersistentVolumeClaim/data/scratch: request grows 10Gi -> 20Gi but class gp3 does"
                        + " not set allowVolumeExpansion: true: the API server rejects the resize"),
                changeTo(fixed, Docs.pvc("scratch", "gp3", "20Gi", "ReadWriteOnce", "")));
    }

    @Test
    void growingAClaimOfAnExpandableClassIsAllowed() throws Exception {
        dist.commit(Docs.gp3(), Docs.pvc("scratch", "gp3", "10Gi", "ReadWriteOnce", ""));
        assertEquals(List.of(), changeTo(Docs.gp3(), Docs.pvc("scratch", "gp3", "1Ti", "ReadWriteOnce", "")));
    }

    @Test
    void imm006RenamedStatefulSetOrphansItsClaims() throws Exception {
        dist.commit(Docs.cleanSet());
        String[] docs = Docs.cleanSet();
        docs[2] = Docs.statefulSet("db", 3, "gp3", "10Gi").replace("{name: db, namespace: data}", "{name: db2, namespace: data}");
        List<String> found = changeTo(docs);
        assertEquals(List.of("IMM006 warning prod StatefulSet/data/db2: StatefulSet db disappeared while db2 appeared in namespace"
                + " data: if this is a rename, the old claims (data-db-<n>) stay behind with the data and db2 starts with empty volumes"), found);
        assertEquals("keep the old name; or scale db to 0, copy each claim <template>-db-<n> into <template>-db2-<n> (or pre-create"
                + " those claims from VolumeSnapshots) before the new StatefulSet starts, then delete the old claims",
                dist.againstHead().findings().get(0).migration());
    }

    /** A renamed claim is also a removed one: IMM008 says what happens to the old claim's data. */
    @Test
    void imm006RenamedClaim() throws Exception {
        dist.commit(Docs.gp3(), Docs.pvc("scratch", "gp3", "10Gi", "ReadWriteOnce", ""));
        assertEquals(List.of("IMM008 error prod PersistentVolumeClaim/data/scratch: PersistentVolumeClaim data/scratch is gone from"
                        + " dist/prod: a sync that prunes deletes it, and its volume is released and keeps the data (reclaimPolicy Retain),"
                        + " but no claim binds it again until its claimRef is cleared",
                "IMM006 warning prod PersistentVolumeClaim/data/scratch-v2: PersistentVolumeClaim scratch disappeared"
                        + " while scratch-v2 appeared in namespace data: if this is a rename, the new claim gets a new, empty volume and"
                        + " the old claim's data is released (or deleted, per reclaimPolicy)"),
                changeTo(Docs.gp3(), Docs.pvc("scratch-v2", "gp3", "10Gi", "ReadWriteOnce", "")));
    }

    @Test
    void aRefThatDoesNotExistIsAnErrorNotAPass() throws Exception {
        dist.commit(Docs.cleanSet());
        dist.change(with(0, "type: gp3", "type: io2"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dist.fixture.run(SafetyGate.Options.of(dist.fixture.dist).withRef("no-such-branch")));
        assertTrue(e.getMessage().startsWith("git ref 'no-such-branch' does not exist in the git repository at "), e.getMessage());
    }

    /** ValidateStatefulSetUpdate (release-1.28): a claim template's class is immutable, and existing claims never follow it. */
    @Test
    void imm001ValidateStatefulSetUpdateTemplateClassChangeSaysExistingClaimsStayOnTheOldClass() throws Exception {
        String io2 = Docs.storageClass("io2", "ebs.csi.aws.com", "Retain", "WaitForFirstConsumer");
        String[] before = Docs.cleanSet();
        dist.commit(CommittedDist.append(before, io2));
        String[] after = with(2, "storageClassName: gp3", "storageClassName: io2");
        dist.change(CommittedDist.append(after, io2));
        Finding f = dist.againstHead().byRule(Rule.IMM001).get(0);
        assertEquals("IMM001 error prod StatefulSet/data/db: spec.volumeClaimTemplates changed: the API server rejects the update"
                + " (these StatefulSet fields are immutable)", GateFixture.line(f));
        assertEquals("kubectl -n data delete statefulset db --cascade=orphan  # pods and claims keep running; then apply dist/prod"
                + " (kubectl apply -k dist/prod): the new StatefulSet adopts the pods; template data moves from class gp3 to io2:"
                + " the existing claims data-db-0 .. data-db-2 stay on gp3 (the StatefulSet controller never changes a claim it made),"
                + " only replicas created later get io2. To move their data (each replica is down while its data moves): snapshot each"
                + " claim (VolumeSnapshot; a snapshot restores only within one CSI driver) or copy it with a Job mounting both claims;"
                + " after the orphan delete and before applying, for each n: kubectl -n data delete pod db-<n>; kubectl -n data delete"
                + " pvc data-db-<n> (its PV keeps the data only with reclaimPolicy Retain); create data-db-<n> on io2 from its snapshot"
                + " (spec.dataSource kind VolumeSnapshot) or copy; then apply: the new StatefulSet uses those claims", f.migration());
    }

    /** ValidateStatefulSetUpdate (release-1.28) lets only replicas, template, updateStrategy, minReadySeconds, ordinals and the claim retention policy change. */
    @Test
    void imm001ValidateStatefulSetUpdateRevisionHistoryLimitIsImmutableIn128() throws Exception {
        dist.commit(Docs.cleanSet());
        String[] docs = with(2, "podManagementPolicy: OrderedReady,", "podManagementPolicy: OrderedReady, revisionHistoryLimit: 3,");
        assertEquals(List.of("IMM001 error prod StatefulSet/data/db: spec.revisionHistoryLimit changed: the API server rejects the"
                + " update (these StatefulSet fields are immutable)"), changeTo(docs));
    }

    @Test
    void imm001ValidateStatefulSetUpdateMutableFieldsAndSpelledOutDefaultsAreNoChange() throws Exception {
        dist.commit(Docs.cleanSet());
        String[] docs = with(2, "podManagementPolicy: OrderedReady,", "revisionHistoryLimit: 10, minReadySeconds: 5,"
                + " persistentVolumeClaimRetentionPolicy: {whenScaled: Retain, whenDeleted: Retain}, updateStrategy: {type: OnDelete},");
        docs[2] = docs[2].replace("replicas: 3", "replicas: 4");
        assertEquals(List.of(), changeTo(docs).stream().filter(l -> l.startsWith("IMM")).toList());
    }


    /** A file at the ref that did not parse left its objects out of the comparison without a word: every change to them passed. */
    @Test
    void aFileAtTheRefThatDoesNotParseIsAnErrorNamingItAndTheRef() throws Exception {
        dist.commit(Docs.cleanSet());
        java.nio.file.Files.writeString(dist.fixture.dist.resolve("prod/app.yaml"), "\u0001 not yaml: [\n", java.nio.file.StandardOpenOption.APPEND);
        String commit = dist.git.commitAll("a broken file at the ref");
        dist.change(with(0, "type: gp3", "type: io2"));
        Report report = dist.againstHead();
        List<String> found = lines(report).stream().filter(l -> l.startsWith("DIST003 ")).toList();
        assertEquals(1, found.size(), lines(report).toString());
        String line = found.get(0);
        String prefix = "DIST003 error prod File/dist/prod/app.yaml: at HEAD (" + commit.substring(0, 8) + ", given with --ref),"
                + " dist/prod/app.yaml cannot be read: not valid YAML: ";
        assertTrue(line.startsWith(prefix) && line.matches(".* \\(line \\d+\\); the immutable-change guard .*"), line);
        assertTrue(line.endsWith("; the immutable-change guard did not compare the objects it held there, so a removal or an immutable"
                + " change among them would go unseen: compare with a ref where it parses (--ref), or check them by hand and skip the"
                + " comparison (--ref '')"), line);
        assertEquals(1, report.exitCode());
    }

    /** A blob git could not give (a damaged clone) was dropped like a file that was never there. */
    @Test
    void aFileAtTheRefGitCannotGiveIsAnErrorNamingIt() throws Exception {
        dist.commit(Docs.cleanSet());
        String blob = dist.git.git("rev-parse", "HEAD:dist/prod/app.yaml").trim();
        java.nio.file.Files.delete(dist.git.dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
        List<String> found = lines(dist.change(Docs.cleanSet()).againstHead()).stream().filter(l -> l.startsWith("DIST003 ")).toList();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("DIST003 error prod File/dist/prod/app.yaml: at HEAD ("), found.get(0));
        assertTrue(found.get(0).contains(", given with --ref), dist/prod/app.yaml cannot be read: git cat-file cannot give its content (object "
                + blob + " is missing); the immutable-change guard did not compare"), found.get(0));
    }

    /** A file at the ref was read whole, however large, into one buffer with every other file: the heap could run out. */
    @Test
    void aFileAtTheRefTooLargeToReadIsAnErrorNamingItWithoutReadingIt() throws Exception {
        dist.commit(Docs.cleanSet());
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(dist.fixture.dist.resolve("prod/app.yaml").toFile(), "rw")) {
            big.setLength(33L << 20);
        }
        dist.git.commitAll("a file too large");
        List<String> found = lines(dist.change(Docs.cleanSet()).againstHead()).stream().filter(l -> l.startsWith("DIST003 ")).toList();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains(", given with --ref), dist/prod/app.yaml cannot be read: 33.0 MiB; allowed: a manifest file"
                + " of at most 32 MiB; the immutable-change guard did not compare"), found.get(0));
    }

    @Test
    void pathMissingAtRefCountsEverythingAsNew() throws Exception {
        dist.fixture.file("other", "x.yaml", Docs.gp3());
        dist.git.commitAll("no prod yet");
        dist.change(Docs.cleanSet());
        Report report = dist.againstHead();
        assertEquals(List.of(), lines(report));
    }
}
