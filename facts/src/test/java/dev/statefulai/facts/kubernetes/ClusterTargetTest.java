package dev.statefulai.facts.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterTargetTest {

    @Test
    void versionsAreParsedLooselyAndSupportedFrom128To134() {
        assertEquals(Optional.of(KubernetesVersion.of(31)), KubernetesVersion.parse("1.31"));
        assertEquals(Optional.of(KubernetesVersion.of(31)), KubernetesVersion.parse("v1.31.4"));
        assertEquals(Optional.empty(), KubernetesVersion.parse("1.3.1.2"));
        assertEquals(Optional.empty(), KubernetesVersion.parse("2.1"));
        assertFalse(KubernetesVersion.of(27).isSupported());
        assertTrue(KubernetesVersion.of(34).isSupported());
        assertEquals("1.28 to 1.34", KubernetesVersion.supportedRange());
        assertEquals(7, KubernetesVersion.supported().size());
    }

    // feature-gates/VolumeAttributesClass.md: alpha 1.29-1.30, beta (off) 1.31-1.33, GA 1.34
    @Test
    void volumeAttributesClassIsOffUntil134UnlessEnabled() {
        FeatureGate vac = FeatureGate.VOLUME_ATTRIBUTES_CLASS;
        assertFalse(ClusterTarget.of(KubernetesVersion.of(30)).has(vac));
        assertFalse(ClusterTarget.of(KubernetesVersion.of(31)).has(vac));
        assertTrue(new ClusterTarget(KubernetesVersion.of(31), Set.of(vac)).has(vac));
        assertTrue(ClusterTarget.of(KubernetesVersion.of(34)).has(vac));
        assertFalse(new ClusterTarget(KubernetesVersion.of(28), Set.of(vac)).has(vac), "1.28 has no such gate to enable");
        assertEquals("Kubernetes 1.28 has no VolumeAttributesClass (alpha from 1.29 (off by default), beta from 1.31 (off by default), ga from 1.34)",
                ClusterTarget.of(KubernetesVersion.of(28)).lacks(vac).orElseThrow());
        assertTrue(ClusterTarget.of(KubernetesVersion.of(33)).lacks(vac).orElseThrow()
                .startsWith("VolumeAttributesClass is off by default in Kubernetes 1.33"));
    }

    // feature-gates/ImageVolume.md: alpha 1.31-1.32, beta (off) 1.33-1.34, beta (on) 1.35, GA 1.36
    @Test
    void imageVolumesNeedTheGateOnEverySupportedRelease() {
        for (KubernetesVersion v : KubernetesVersion.supported()) {
            assertFalse(ClusterTarget.of(v).has(FeatureGate.IMAGE_VOLUME), v.toString());
        }
        assertTrue(new ClusterTarget(KubernetesVersion.of(33), Set.of(FeatureGate.IMAGE_VOLUME)).has(FeatureGate.IMAGE_VOLUME));
        assertTrue(FeatureGate.IMAGE_VOLUME.onByDefaultIn(KubernetesVersion.of(35)));
    }

    @Test
    void theHeaderLineReadsBackAsTheSameTarget() {
        ClusterTarget target = new ClusterTarget(KubernetesVersion.of(31), Set.of(FeatureGate.VOLUME_ATTRIBUTES_CLASS, FeatureGate.IMAGE_VOLUME));
        String line = target.headerLine("environments/staging.yaml");
        assertEquals("# Target: Kubernetes 1.31 with feature gates ImageVolume, VolumeAttributesClass (environments/staging.yaml).", line);
        assertEquals(Optional.of(target), ClusterTarget.fromHeader(line));
        assertEquals(Optional.of(ClusterTarget.of(KubernetesVersion.of(30))), ClusterTarget.fromHeader("# Target: Kubernetes 1.30 (default)."));
        assertEquals(Optional.empty(), ClusterTarget.fromHeader("# Target: Kubernetes 1.19."), "no schema for 1.19");
        assertEquals(Optional.empty(), ClusterTarget.fromHeader("# Generated: every manifest"));
    }

    // deprecation-guide.md: policy/v1beta1 PodDisruptionBudget removed in v1.25, replaced by policy/v1 (since v1.21)
    @Test
    void removedAndDeprecatedApiVersionsNameTheirReplacement() {
        ApiLifecycle.Entry pdb = ApiLifecycle.of("policy/v1beta1", "PodDisruptionBudget").orElseThrow();
        assertTrue(pdb.removedBy(KubernetesVersion.of(28)));
        assertEquals("use policy/v1 (served since 1.21)", pdb.instead("PodDisruptionBudget"));
        ApiLifecycle.Entry flow = ApiLifecycle.of("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema").orElseThrow();
        assertFalse(flow.deprecatedBy(KubernetesVersion.of(28)));
        assertTrue(flow.deprecatedBy(KubernetesVersion.of(31)));
        assertTrue(flow.removedBy(KubernetesVersion.of(32)));
        assertTrue(ApiLifecycle.of("storage.k8s.io/v1beta1", "CSIStorageCapacity").orElseThrow().removedBy(KubernetesVersion.of(28)));
        assertEquals(Optional.empty(), ApiLifecycle.of("apps/v1", "StatefulSet"));
    }

    @Test
    void gatedFieldsMatchTheSchemaValidatorsPaths() {
        GatedApis.GatedField claim = GatedApis.fields().get(0);
        assertTrue(claim.matches("PersistentVolumeClaim", "$.spec.volumeAttributesClassName"));
        assertFalse(claim.matches("StatefulSet", "$.spec.volumeAttributesClassName"));
        GatedApis.GatedField template = GatedApis.fields().get(1);
        assertTrue(template.matches("StatefulSet", "$.spec.volumeClaimTemplates[2].spec.volumeAttributesClassName"));
        GatedApis.GatedField image = GatedApis.fields().get(2);
        assertTrue(image.matches("StatefulSet", "$.spec.template.spec.volumes[0].image"));
        assertTrue(image.matches("Pod", "$.spec.volumes[1].image"));
        assertTrue(image.matches("CronJob", "$.spec.jobTemplate.spec.template.spec.volumes[0].image"));
        assertFalse(image.matches("StatefulSet", "$.spec.template.spec.containers[0].image"));
    }
}
