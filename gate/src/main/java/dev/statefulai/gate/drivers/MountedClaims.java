package dev.statefulai.gate.drivers;

import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.StorageDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The standalone claims that pods mount, with the PersistentVolume bound to each: what the rules of
 * drivers that mount per pod (FUSE buckets) read, since their needs are the pod's (an annotation, a cache
 * volume) and the volume's (mount options, attributes) at once.
 */
final class MountedClaims {
    /** Kinds whose pods serve: they run until stopped. */
    private static final Set<String> SERVING = Set.of("StatefulSet", "Deployment", "ReplicaSet", "DaemonSet");

    /**
     * A claim mounted by the pods of a workload.
     *
     * @param owner     the object whose pods mount it
     * @param serving   whether those pods serve (not a Job's)
     * @param template  the pod template: {@code metadata} and {@code spec}
     * @param podVolume the pod volume of the claim
     * @param claim     the claim
     * @param volume    the PersistentVolume bound to it, if dist has it
     */
    record Mount(Manifest owner, boolean serving, JsonNode template, JsonNode podVolume, Manifest claim, Optional<Manifest> volume) {
        /** The driver of the bound volume, if the catalog knows it. */
        Optional<StorageDriver> driver() {
            return volume.map(pv -> pv.spec().path("csi").path("driver").asText("")).flatMap(DriverCatalog::byProvisioner);
        }

        /** Whether every container (and init container) that mounts the volume mounts it read-only, or the volume itself is. */
        boolean readOnly() {
            if (podVolume.path("persistentVolumeClaim").path("readOnly").asBoolean(false)) {
                return true;
            }
            String name = podVolume.path("name").asText();
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : template.path("spec").path(list)) {
                    for (JsonNode m : c.path("volumeMounts")) {
                        if (m.path("name").asText().equals(name) && !m.path("readOnly").asBoolean(false)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** The pod template's annotation {@code key}, or empty. */
        String podAnnotation(String key) {
            return template.path("metadata").path("annotations").path(key).asText("");
        }

        /** The pod volume named {@code name}, or a missing node. */
        JsonNode podVolumeNamed(String name) {
            for (JsonNode v : template.path("spec").path("volumes")) {
                if (v.path("name").asText().equals(name)) {
                    return v;
                }
            }
            return MissingNode.getInstance();
        }
    }

    private MountedClaims() {
    }

    /** Every standalone claim of the environment that a pod template mounts, with its bound volume. */
    static List<Mount> of(Environment env) {
        List<Mount> out = new ArrayList<>();
        for (Manifest m : env.all()) {
            JsonNode template = switch (m.kind()) {
                case "StatefulSet", "Deployment", "ReplicaSet", "DaemonSet", "Job" -> m.spec().path("template");
                case "CronJob" -> m.spec().path("jobTemplate").path("spec").path("template");
                case "Pod" -> m.body();
                default -> null;
            };
            if (template == null) {
                continue;
            }
            for (JsonNode v : template.path("spec").path("volumes")) {
                String claimName = v.path("persistentVolumeClaim").path("claimName").asText("");
                if (!claimName.isEmpty()) {
                    env.find("PersistentVolumeClaim", m.namespace(), claimName).ifPresent(pvc ->
                            out.add(new Mount(m, SERVING.contains(m.kind()), template, v, pvc, boundVolume(env, pvc))));
                }
            }
        }
        return out;
    }

    /** The PersistentVolume the claim names ({@code volumeName}), else the one whose {@code claimRef} names the claim. */
    static Optional<Manifest> boundVolume(Environment env, Manifest pvc) {
        String volumeName = Json.text(pvc.spec(), "volumeName", "");
        if (!volumeName.isEmpty()) {
            return env.find("PersistentVolume", "", volumeName);
        }
        return env.ofKind("PersistentVolume").stream().filter(pv -> {
            JsonNode ref = pv.spec().path("claimRef");
            return ref.path("name").asText().equals(pvc.name()) && Json.text(ref, "namespace", "default").equals(pvc.namespace());
        }).findFirst();
    }
}
