package dev.statefulai.constructs.pod;

/**
 * How a StatefulSet's replicas spread over zones ({@code topologySpreadConstraints} on
 * {@code topology.kubernetes.io/zone}, {@code maxSkew: 1}). Written only when there is more than one
 * replica. With zonal disks (EBS) and {@code WaitForFirstConsumer}, each replica's volume follows it
 * into its zone; once created, a volume keeps its replica in that zone.
 */
public enum ZoneSpread {
    /** No constraint: the scheduler may put every replica in one zone. */
    NONE(null),
    /** Spread when possible ({@code whenUnsatisfiable: ScheduleAnyway}): a zone outage takes fewer replicas, and no pod waits. */
    PREFERRED("ScheduleAnyway"),
    /** Spread always ({@code whenUnsatisfiable: DoNotSchedule}): a pod stays Pending rather than crowd a zone. */
    REQUIRED("DoNotSchedule");

    /** The topology key replicas spread over. */
    public static final String ZONE_KEY = "topology.kubernetes.io/zone";

    private final String whenUnsatisfiable;

    ZoneSpread(String whenUnsatisfiable) {
        this.whenUnsatisfiable = whenUnsatisfiable;
    }

    /** The Kubernetes {@code whenUnsatisfiable}, or {@code null} for {@link #NONE}. */
    public String whenUnsatisfiable() {
        return whenUnsatisfiable;
    }
}
