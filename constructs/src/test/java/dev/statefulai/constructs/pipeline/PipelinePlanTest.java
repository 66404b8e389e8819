package dev.statefulai.constructs.pipeline;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.claims.PipelineVolume;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan is made from the props alone: no chart, no construct, no object. */
class PipelinePlanTest {
    private static final PipelineVolume RAW = PipelineVolume.builder().name("raw").size("2Ti")
            .volume(AwsEbs.gp3().existingVolume("vol-0123456789abcdef0", "us-east-1a")).build();

    @Test
    void saysWhatWillBeBuilt() {
        PipelinePlan plan = PipelinePlan.of(DataPipelineStorageProps.builder().name("pipeline")
                .volumes(RAW, PipelineVolume.builder().name("checkpoints").size("500Gi").claimName("ckpt").build()).build(), "id", () -> "etl");
        assertEquals("etl", plan.namespace());
        assertEquals(List.of("raw", "checkpoints"), plan.volumeNames());
        assertEquals("etl-raw", plan.volume("raw").persistentVolumeName());
        assertNull(plan.volume("checkpoints").persistentVolumeName());
        assertEquals("ckpt", plan.volume("checkpoints").claimName());
        assertEquals(List.of("pipeline"), plan.classes().stream().map(StorageClassSpec::name).toList());
    }

    @Test
    void refusesWhileItPlans() {
        assertInvalid("DataPipelineStorage 'pipeline': prop 'volumes' is missing; allowed: one or more PipelineVolume, e.g. the raw, "
                + "features and checkpoints stages", () -> PipelinePlan.of(DataPipelineStorageProps.builder().name("pipeline").build(), "id", () -> null));
    }
}
