package dev.statefulai.apps.featurepipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.synth.testing.AppSnapshotTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturePipelineAppTest extends AppSnapshotTest {

    @Override
    protected String appName() {
        return FeaturePipelineApp.NAME;
    }

    @Test
    void eachVolumeIsPreBoundToItsOwnClaimOnTheEbsCsiDriver() {
        String yaml = synth("prod").yaml();
        assertTrue(yaml.contains("volumeHandle: vol-0d1e2f3a4b5c60718"));
        assertTrue(yaml.contains("driver: ebs.csi.aws.com"));
        assertTrue(yaml.contains("volumeName: features-raw-events"));
        assertTrue(yaml.contains("claimRef:\n    apiVersion: v1\n    kind: PersistentVolumeClaim\n    name: raw-events\n    namespace: features"));
    }

    @Test
    void outputsNameTheClaimPodsMount() {
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) synth("staging").outputs().get("features");
        assertEquals("features", features.get("claim"));
        assertEquals("features-staging-features", features.get("persistentVolume"));
        assertEquals("feature-pipeline-staging", features.get("storageClass"));
    }
}
