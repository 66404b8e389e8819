package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import java.util.List;
import org.cdk8s.plus28.k8s.Capabilities;
import org.cdk8s.plus28.k8s.PodSecurityContext;
import org.cdk8s.plus28.k8s.SeccompProfile;
import org.cdk8s.plus28.k8s.SecurityContext;

/**
 * Who the pod runs as. Defaults: user and group 1000, {@code fsGroup} 1000 so that the volumes are
 * writable by that group, and {@code fsGroupChangePolicy: OnRootMismatch} so that a large volume is not
 * re-chowned on every start (which can take minutes on a model cache).
 *
 * @param runAsUser           the user id, never 0
 * @param runAsGroup          the primary group id
 * @param fsGroup             the group that owns mounted volumes
 * @param fsGroupChangePolicy {@code OnRootMismatch} or {@code Always}
 */
public record PodSecurity(long runAsUser, long runAsGroup, long fsGroup, String fsGroupChangePolicy) {
    public PodSecurity {
        if (runAsUser < 1) {
            Refusals.refuse(new InvalidPropsException("PodSecurity", "security.runAsUser", runAsUser, "a non-root user id of 1 or more"));
        }
        if (runAsGroup < 0 || fsGroup < 0) {
            Refusals.refuse(new InvalidPropsException("PodSecurity", "security.fsGroup", Math.min(runAsGroup, fsGroup), "a group id of 0 or more"));
        }
        if (!"OnRootMismatch".equals(fsGroupChangePolicy) && !"Always".equals(fsGroupChangePolicy)) {
            Refusals.refuse(new InvalidPropsException("PodSecurity", "security.fsGroupChangePolicy", fsGroupChangePolicy, "OnRootMismatch or Always"));
        }
    }

    /** User, group and fsGroup 1000, {@code OnRootMismatch}. */
    public static PodSecurity defaults() {
        return new PodSecurity(1000, 1000, 1000, "OnRootMismatch");
    }

    /** Runs as {@code uid}, with group and fsGroup {@code gid}. */
    public static PodSecurity of(long uid, long gid) {
        return new PodSecurity(uid, gid, gid, "OnRootMismatch");
    }

    /** The pod's security context: these ids, non-root, the {@code RuntimeDefault} seccomp profile. */
    public PodSecurityContext toPodContext() {
        return PodSecurityContext.builder()
                .runAsNonRoot(true)
                .runAsUser(runAsUser)
                .runAsGroup(runAsGroup)
                .fsGroup(fsGroup)
                .fsGroupChangePolicy(fsGroupChangePolicy)
                .seccompProfile(SeccompProfile.builder().type("RuntimeDefault").build())
                .build();
    }

    /**
     * The security context of every container that is not the opt-in chown: non-root, no privilege
     * escalation, no capabilities, and a read-only root file system (writes go to mounted volumes).
     */
    public static SecurityContext containerContext() {
        return containerContext(true);
    }

    /** {@link #containerContext()} with the root file system read-only or, when a container needs it, writable. */
    public static SecurityContext containerContext(boolean readOnlyRootFilesystem) {
        return SecurityContext.builder()
                .allowPrivilegeEscalation(false)
                .runAsNonRoot(true)
                .readOnlyRootFilesystem(readOnlyRootFilesystem)
                .capabilities(Capabilities.builder().drop(List.of("ALL")).build())
                .build();
    }
}
