package dev.statefulai.facts;

/**
 * How the StatefulSet controller names the claims it creates from a volumeClaimTemplate:
 * {@code <template>-<statefulset>-<ordinal>} ({@code getPersistentVolumeClaimName},
 * pkg/controller/statefulset/stateful_set_utils.go, release-1.28). The constructs name what they make
 * with it, the gate proves those claims bind, and the engine draws them: one rule, one place.
 */
public final class ClaimNames {
    private ClaimNames() {
    }

    /** The claim replica {@code ordinal} of StatefulSet {@code statefulSet} gets from template {@code template}. */
    public static String ofReplica(String template, String statefulSet, int ordinal) {
        return template + "-" + statefulSet + "-" + ordinal;
    }

    /** The same name for any replica, as messages write it: {@code <template>-<statefulset>-<n>}. */
    public static String ofAnyReplica(String template, String statefulSet) {
        return template + "-" + statefulSet + "-<n>";
    }
}
