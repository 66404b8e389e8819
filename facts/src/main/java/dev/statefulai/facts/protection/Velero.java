package dev.statefulai.facts.protection;

import java.util.List;

/**
 * Names of Velero (velero.io/v1, v1.18) that the constructs write and the gate reads, each from Velero's own
 * documentation or source:
 * <ul>
 *   <li>{@code Schedule} and {@code Restore}: config/crd/v1/bases/velero.io_schedules.yaml and velero.io_restores.yaml;</li>
 *   <li>the VolumeSnapshotClass label Velero's CSI support picks a driver's class by: site/content/docs/v1.18/csi.md;</li>
 *   <li>the pod annotations of backup hooks: site/content/docs/v1.18/backup-hooks.md ("Specifying Hooks As Pod Annotations");</li>
 *   <li>resource policies, a ConfigMap in Velero's namespace with exactly one data entry ({@code getResourcePoliciesFromConfig},
 *       internal/resourcepolicies/resource_policies.go) holding {@code version: v1} and {@code volumePolicies}
 *       (site/content/docs/v1.18/resource-filtering.md, "Resource policies").</li>
 * </ul>
 */
public final class Velero {
    public static final String API_VERSION = "velero.io/v1";
    public static final String SCHEDULE = "Schedule";
    public static final String RESTORE = "Restore";
    /** The namespace {@code velero install} uses by default. */
    public static final String DEFAULT_NAMESPACE = "velero";
    /** On a VolumeSnapshotClass: the class Velero's CSI support uses for the class's driver. */
    public static final String SNAPSHOT_CLASS_LABEL = "velero.io/csi-volumesnapshot-class";
    /** The {@code resourcePolicy.kind} of a ConfigMap of resource policies (compared ignoring case). */
    public static final String RESOURCE_POLICY_KIND = "configmap";
    /** The one resource policies version Velero reads ({@code currentSupportDataVersion}). */
    public static final String RESOURCE_POLICY_VERSION = "v1";
    /** The volume policy actions Velero knows ({@code VolumeActionType}). */
    public static final List<String> VOLUME_ACTIONS = List.of("skip", "snapshot", "fs-backup", "custom");
    /** The resource names a Backup's {@code includedResources} may give claims by. */
    public static final List<String> CLAIM_RESOURCES = List.of("persistentvolumeclaims", "persistentvolumeclaim", "pvc", "*");

    /** The hook annotations for {@code phase} ({@code pre} or {@code post}) of a backup. */
    public record HookAnnotations(String container, String command, String onError, String timeout) {
        static HookAnnotations of(String phase) {
            String prefix = phase + ".hook.backup.velero.io/";
            return new HookAnnotations(prefix + "container", prefix + "command", prefix + "on-error", prefix + "timeout");
        }
    }

    /** Run in the pod before its volumes are backed up. */
    public static final HookAnnotations PRE_BACKUP = HookAnnotations.of("pre");
    /** Run in the pod after its volumes are backed up. */
    public static final HookAnnotations POST_BACKUP = HookAnnotations.of("post");

    private Velero() {
    }
}
