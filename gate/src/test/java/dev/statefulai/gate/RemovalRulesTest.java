package dev.statefulai.gate;

import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import dev.statefulai.gate.testing.CommittedDist;
import dev.statefulai.gate.testing.CommittedDistTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IMM007-IMM009: removing what provisions or holds data, against a committed dist/. No update
 * validation refuses a deletion; a pruning sync simply performs it, so the gate is the only guard.
 */
class RemovalRulesTest extends CommittedDistTest {
    private List<String> removal(String[] before, String... after) {
        dist.commit(before);
        return lines(dist.change(after).againstHead());
    }

    private Report report() {
        return dist.againstHead();
    }

    /** {@code set} without its object at {@code index}. */
    private static String[] without(String[] set, int index) {
        return IntStream.range(0, set.length).filter(i -> i != index).mapToObj(i -> set[i]).toArray(String[]::new);
    }

    private static List<String> lines(Report report) {
        return report.findings().stream().filter(f -> f.rule().id().compareTo("IMM007") >= 0 && f.rule().id().startsWith("IMM"))
                .map(GateFixture::line).toList();
    }

    /**
     * One object of the clean set removed (0 the class gp3, 4 the volume archive-pv, 5 the claim archive): the one finding,
     * and the migration the rule gives where the row names one.
     */
    record OneRemoved(String name, int index, String finding, Rule rule, String migration) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<OneRemoved> oneObjectOfTheCleanSet() {
        return Stream.of(
                new OneRemoved("IMM007 removing a class that claims still use", 0,
                        "IMM007 error prod StorageClass/gp3: StorageClass gp3 is gone from dist/prod but 4 claim(s) still use it"
                                + " (data/archive, data/data-db-0, data/data-db-1, data/data-db-2): once it is deleted, bound volumes keep"
                                + " working, but a claim made later (a replica added, a claim re-created) stays Pending and no claim of it"
                                + " can be expanded",
                        Rule.IMM007, "keep the class in dist/prod while any claim uses it; to retire it, move each claim to another class"
                                + " first (a new claim on the new class and a copy of the data, see IMM001/IMM004), then remove it"),
                new OneRemoved("IMM008 removing a pre-bound claim says its retained volume is released", 5,
                        "IMM008 error prod PersistentVolumeClaim/data/archive: PersistentVolumeClaim data/archive is gone from"
                                + " dist/prod: a sync that prunes deletes it, and its volume is released and keeps the data (reclaimPolicy"
                                + " Retain), but no claim binds it again until its claimRef is cleared",
                        Rule.IMM008, "keep the claim in dist/prod until its data is copied or snapshotted; then make sure the volume is"
                                + " kept (kubectl patch pv archive-pv -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Retain\"}}'),"
                                + " delete the claim yourself (kubectl -n data delete pvc archive) and remove it from dist"),
                new OneRemoved("IMM009 removing a PersistentVolume", 4,
                        "IMM009 error prod PersistentVolume/archive-pv: PersistentVolume archive-pv (claimed by data/archive) is gone"
                                + " from dist/prod: a sync that prunes deletes it (the deletion waits until no claim is bound to it), and no"
                                + " claim can bind that disk again",
                        Rule.IMM009, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneObjectOfTheCleanSet")
    void removingOneObjectOfTheCleanSet(OneRemoved c) {
        String[] clean = Docs.cleanSet();
        assertEquals(List.of(c.finding()), removal(clean, without(clean, c.index())));
        if (c.migration() != null) {
            assertEquals(c.migration(), report().byRule(c.rule()).get(0).migration());
        }
    }

    @Test
    void imm007RemovingTheDefaultClassThatClaimsWithoutAClassRelyOn() {
        String marked = Docs.gp3().replace("metadata: {name: gp3}",
                "metadata: {name: gp3, annotations: {storageclass.kubernetes.io/is-default-class: \"true\"}}");
        String claim = "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: scratch, namespace: data},"
                + " spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}";
        List<String> found = removal(new String[] {marked, claim}, claim);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("IMM007 error prod StorageClass/gp3: StorageClass gp3 is gone from dist/prod but 1 claim(s)"
                + " still use it (data/scratch)"), found.get(0));
    }

    @Test
    void removingAClassNoClaimUsesIsFine() {
        String io2 = Docs.storageClass("io2", "ebs.csi.aws.com", "Retain", "WaitForFirstConsumer");
        String[] clean = Docs.cleanSet();
        assertEquals(List.of(), removal(CommittedDist.append(clean, io2), clean));
    }

    @Test
    void imm008RemovingADynamicClaimOfADeleteClassSaysTheDataIsDeleted() {
        String scratch = Docs.storageClass("scratch", "ebs.csi.aws.com", "Delete", "WaitForFirstConsumer");
        List<String> found = removal(new String[] {scratch, Docs.pvc("tmp", "scratch", "10Gi", "ReadWriteOnce", "")}, scratch);
        assertEquals(List.of("IMM008 error prod PersistentVolumeClaim/data/tmp: PersistentVolumeClaim data/tmp is gone from dist/prod:"
                + " a sync that prunes deletes it, and its volume is deleted with the data (reclaimPolicy Delete)"), found);
        assertTrue(report().byRule(Rule.IMM008).get(0).migration().contains(
                "kubectl patch pv $(kubectl -n data get pvc tmp -o jsonpath='{.spec.volumeName}')"));
    }

    /** The StatefulSet removed with its Service and budget: its claims go with it (whenDeleted: Delete) or stay. */
    static Stream<Arguments> theStatefulSetRemoved() {
        return Stream.of(
                Arguments.of("IMM008 removing a StatefulSet that deletes its claims",
                        " persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain},",
                        "IMM008 error prod StatefulSet/data/db: StatefulSet data/db is gone from dist/prod and its"
                                + " persistentVolumeClaimRetentionPolicy.whenDeleted is Delete: a sync that prunes deletes it and its claims"
                                + " (data-db-<n>) with their data"),
                Arguments.of("IMM011 removing a StatefulSet whose claims are retained orphans them but loses no data", "",
                        "IMM011 warning prod StatefulSet/data/db: StatefulSet data/db is gone from dist/prod: its claims"
                                + " (data-db-<n>) stay with their data (whenDeleted: Retain), mounted by nothing, and are billed until"
                                + " deleted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void theStatefulSetRemoved(String name, String retentionPolicy, String finding) {
        String[] clean = Docs.cleanSet();
        String[] before = clean.clone();
        before[2] = before[2].replace("podManagementPolicy: OrderedReady,", "podManagementPolicy: OrderedReady," + retentionPolicy);
        assertEquals(List.of(finding), removal(before, clean[0], clean[4], clean[5]));
    }

    @Test
    void aRemovalIsWaivedByTheAnnotationOnTheObjectAtTheComparedRef() {
        String[] clean = Docs.cleanSet();
        String[] annotated = clean.clone();
        annotated[5] = annotated[5].replace("metadata: {name: archive, namespace: data}",
                "metadata: {name: archive, namespace: data, annotations: {ai-storage.dev/waive-IMM008: \"copied to the new archive\"}}");
        removal(annotated, without(clean, 5));
        Finding f = report().byRule(Rule.IMM008).get(0);
        assertEquals("copied to the new archive", f.waiverReason());
        assertEquals(0, report().findings().stream().filter(x -> x.rule() == Rule.IMM008 && x.isBlocking()).count());
    }
}
