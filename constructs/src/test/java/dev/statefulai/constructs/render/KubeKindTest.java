package dev.statefulai.constructs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.cdk8s.GroupVersionKind;
import org.cdk8s.plus28.k8s.KubePersistentVolume;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePodDisruptionBudget;
import org.cdk8s.plus28.k8s.KubeService;
import org.cdk8s.plus28.k8s.KubeStatefulSet;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.junit.jupiter.api.Test;

/** The kinds written out by hand are the L1 classes' own GVKs. */
class KubeKindTest {
    @Test
    void everyKindIsItsL1ClassesGvk() {
        Map<KubeKind, GroupVersionKind> l1 = Map.of(
                KubeKind.STORAGE_CLASS, KubeStorageClass.GVK,
                KubeKind.PERSISTENT_VOLUME, KubePersistentVolume.GVK,
                KubeKind.PERSISTENT_VOLUME_CLAIM, KubePersistentVolumeClaim.GVK,
                KubeKind.SERVICE, KubeService.GVK,
                KubeKind.STATEFUL_SET, KubeStatefulSet.GVK,
                KubeKind.POD_DISRUPTION_BUDGET, KubePodDisruptionBudget.GVK);
        assertEquals(KubeKind.values().length, l1.size(), "a kind without its L1 class here");
        l1.forEach((kind, gvk) -> {
            assertEquals(gvk.getApiVersion(), kind.apiVersion(), kind.name());
            assertEquals(gvk.getKind(), kind.kind(), kind.name());
        });
    }
}
