package dev.statefulai.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClaimNamesTest {
    /** getPersistentVolumeClaimName, pkg/controller/statefulset/stateful_set_utils.go (release-1.28): template-set-ordinal. */
    @Test
    void getPersistentVolumeClaimNameJoinsTemplateStatefulSetAndOrdinalWithDashes() {
        assertEquals("data-vector-db-2", ClaimNames.ofReplica("data", "vector-db", 2));
        assertEquals("model-cache-llm-inference-<n>", ClaimNames.ofAnyReplica("model-cache", "llm-inference"));
    }

    @Test
    void aWaiverIsTheRuleIdAfterThePrefix() {
        assertEquals("ai-storage.dev/waive-POL003", Waivers.annotation("POL003"));
    }
}
