package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.runtime.RuntimePlan;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.EnvVar;

/**
 * What a {@link StatefulAIApp} builds, resolved from its props by {@link AppPlanner}: every check is
 * behind it, so building from a plan refuses nothing. It holds what the props leave open (the
 * namespace, the class of each claim, the size of {@code /dev/shm}, the budget, the claims to grow);
 * what the props say as it is (the image, the probes) is read from {@link #props()}.
 *
 * @param props          the props as given
 * @param name           the StatefulSet's name (also its Service's and container's)
 * @param namespace      the namespace of the namespaced objects, or {@code null} for none
 * @param labels         the labels of every object of the app
 * @param claims         the claim templates with what they resolve to, in the order given
 * @param capacity       the capacity of each pre-provisioned volume, or {@code null} without any
 * @param sharedMemory   the size of {@code /dev/shm}, or {@code null} for none
 * @param nodeSelector   the pods' node selector, with the GPU product's label
 * @param maxUnavailable the PodDisruptionBudget's {@code maxUnavailable}, or {@code null} for no budget
 * @param grownClaims    the sizes to grow templates' replica claims to, by template, in the order given
 * @param env            the main container's variables, checked
 * @param runtime        how the containers run: scratch volumes, root file system, pull policy
 */
record AppPlan(StatefulAIAppProps props, String name, String namespace, Map<String, String> labels, List<PlannedClaim> claims,
               String capacity, String sharedMemory, Map<String, String> nodeSelector, Integer maxUnavailable,
               Map<String, String> grownClaims, List<EnvVar> env, RuntimePlan runtime) {

    /**
     * A claim template and what it resolves to.
     *
     * @param template         the template
     * @param storageClassName the class its claims ask for: its own, else the app's, else {@code null} (the cluster's default)
     * @param sharedClaim      the one claim every replica mounts (existing, or {@code <template>-<app>} that the app
     *                         creates), or {@code null} for a claim per replica
     */
    record PlannedClaim(ClaimTemplate template, String storageClassName, String sharedClaim) {
        /** Whether the app creates the shared claim (it is not an existing one). */
        boolean created() {
            return sharedClaim != null && template.existingClaim() == null;
        }

        /** The names of the claims the pods mount: {@code <template>-<app>-<ordinal>} per replica, or the shared one. */
        List<String> claimNames(String app, int replicas) {
            if (sharedClaim != null) {
                return List.of(sharedClaim);
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                names.add(replicaClaim(app, i));
            }
            return names;
        }

        /** The claim of replica {@code ordinal}, as the StatefulSet controller names it. */
        String replicaClaim(String app, int ordinal) {
            return template.name() + "-" + app + "-" + ordinal;
        }
    }

    int replicas() {
        return props.replicas();
    }

    /** The app's own StorageClass, or {@code null}. */
    StorageClassSpec storageClass() {
        return props.storage().storageClass();
    }

    /** The claim template named {@code templateName}, or {@code null}. */
    PlannedClaim claim(String templateName) {
        return claims.stream().filter(c -> c.template().name().equals(templateName)).findFirst().orElse(null);
    }

    /** The template a cache fill fills, or {@code null}. */
    String filled() {
        return props.storage().cacheFill() == null ? null : props.storage().cacheFill().into();
    }

    /**
     * Whether the pods may write {@code t}'s volume as a file system: their own claim unless mounted
     * read-only, or the claim a cache fill fills. Those are the volumes {@code chownVolumes} gives to the app's user.
     */
    boolean writable(ClaimTemplate t) {
        return writable(t, filled());
    }

    /** {@link #writable(ClaimTemplate)} when {@code filled} is the template a fill fills. */
    static boolean writable(ClaimTemplate t, String filled) {
        return t.claim().volumeMode() != VolumeMode.BLOCK && ((!t.isShared() && !t.readOnly()) || t.name().equals(filled));
    }

    /** The names of the claims the pods mount, per template. */
    Map<String, List<String>> claimNames() {
        Map<String, List<String>> names = new TreeMap<>();
        claims.forEach(c -> names.put(c.template().name(), c.claimNames(name, replicas())));
        return names;
    }

    /** The template whose claims the pre-provisioned volumes are made for (their modes): the first on the app's class. */
    ClaimTemplate volumeTemplate() {
        return claims.stream().filter(c -> storageClass() != null && storageClass().name().equals(c.storageClassName()))
                .map(PlannedClaim::template).findFirst().orElse(null);
    }

    /** The names of the pre-provisioned PersistentVolumes, in the order given. */
    List<String> persistentVolumeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < props.storage().persistentVolumes().size(); i++) {
            names.add(name + "-pv-" + i);
        }
        return names;
    }
}
