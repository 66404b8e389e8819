package dev.statefulai.gate.api.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import dev.statefulai.gate.api.storage.ClaimSpecRules;
import dev.statefulai.gate.api.storage.VolumeSources;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Pod's volumes and each container's mounts (pkg/apis/core/validation/validation.go, release-1.28):
 * {@code ValidateVolumes} and {@code validateVolumeSource} (a DNS-label name, unique, at most one source;
 * none is defaulted to emptyDir by {@code SetDefaults_Volume}), file modes and key paths of secret and
 * configMap volumes ({@code validateKeyToPath}), emptyDir size limits, generic ephemeral volumes
 * ({@code ValidatePersistentVolumeClaimTemplate}), image volumes (from release-1.31: {@code validateImageVolumeSource});
 * {@code ValidateVolumeMounts} and {@code ValidateVolumeDevices}.
 */
public final class PodVolumeRules {
    private static final List<String> PROPAGATIONS = List.of("Bidirectional", "HostToContainer", "None");

    private PodVolumeRules() {
    }

    /**
     * {@code ValidateVolumes}; {@code p} is at the pod spec.
     *
     * @param claims volumes the StatefulSet controller adds for its claim templates (name to claim name): they
     *               replace a template volume of the same name
     * @return the valid volumes, name to source ("persistentVolumeClaim", "emptyDir", ...)
     */
    static Map<String, String> volumes(Problems p, JsonNode spec, Map<String, String> claims) {
        Problems q = p.by("ValidateVolumes");
        Map<String, String> valid = new LinkedHashMap<>();
        List<JsonNode> volumes = Values.list(spec, "volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            String name = Values.string(volume, "name");
            if (claims.containsKey(name)) {
                continue; // the controller replaces it with the claim (updateStorage)
            }
            Problems v = q.at("volumes", i);
            int before = v.size();
            String source = VolumeSources.exactlyOne(v.by("validateVolumeSource"), volume, VolumeSources.POD, false);
            if (source != null) {
                sourceDetails(v.at(source), source, volume.get(source));
            }
            Values.required(v, volume, "name", Names::dns1123Label);
            if (valid.containsKey(name)) {
                v.duplicate("name", name);
            }
            if (v.size() == before) {
                valid.put(name, source == null ? "emptyDir" : source);
            }
        }
        claims.keySet().forEach(name -> valid.putIfAbsent(name, "persistentVolumeClaim"));
        return valid;
    }

    private static void sourceDetails(Problems p, String source, JsonNode node) {
        switch (source) {
            case "emptyDir" -> {
                BigDecimal size = Values.quantity(p, node, "sizeLimit");
                if (size != null && size.signum() < 0) {
                    p.forbidden("sizeLimit", "SizeLimit field must be a valid resource quantity");
                }
            }
            case "secret", "configMap" -> {
                Problems s = p.by(source.equals("secret") ? "validateSecretVolumeSource" : "validateConfigMapVolumeSource");
                mode(s, node, "defaultMode");
                List<JsonNode> items = Values.list(node, "items");
                for (int i = 0; i < items.size(); i++) {
                    keyToPath(s.at("items", i).by("validateKeyToPath"), items.get(i));
                }
            }
            case "ephemeral" -> {
                JsonNode template = Values.object(node, "volumeClaimTemplate");
                Problems e = p.by("validateEphemeralVolumeSource");
                if (template == null) {
                    e.required("volumeClaimTemplate", "");
                } else {
                    Problems t = e.at("volumeClaimTemplate").by("ValidatePersistentVolumeClaimTemplate");
                    Meta.labels(t.at("metadata.labels").by("ValidateLabels"), template.path("metadata").path("labels"));
                    Meta.annotations(t.at("metadata.annotations").by("ValidateAnnotations"), template.path("metadata").path("annotations"));
                    ClaimSpecRules.spec(t.at("spec"), template.path("spec"));
                }
            }
            case "image" -> imageSource(p.by("validateImageVolumeSource"), node);
            default -> {
                // the other sources' rules are in VolumeSources
            }
        }
    }

    /**
     * {@code validateImageVolumeSource} (release-1.31 onwards; KEP-4639): a reference, required of a Pod (a
     * workload's template may leave it to be filled in, but the Pods made from it are refused without one), and
     * a pull policy {@code validatePullPolicy} knows; none is defaulted from the tag ({@code SetDefaults_ImageVolumeSource}).
     */
    private static void imageSource(Problems p, JsonNode node) {
        Values.required(p, node, "reference");
        String pull = Values.text(node, "pullPolicy");
        if (pull != null && !pull.isEmpty() && !ContainerRules.PULL_POLICIES.contains(pull)) {
            p.by("validatePullPolicy").notSupported("pullPolicy", pull, ContainerRules.PULL_POLICIES);
        }
    }

    private static void mode(Problems p, JsonNode node, String field) {
        Long mode = Values.int32(p, node, field);
        if (mode != null && (mode < 0 || mode > 0777)) {
            p.invalid(field, mode, "must be a number between 0 and 0777 (octal), both inclusive");
        }
    }

    private static void keyToPath(Problems p, JsonNode item) {
        Values.required(p, item, "key");
        String path = Values.required(p, item, "path");
        localDescendingPath(p, "path", path);
        if (path.startsWith("..") && !path.startsWith("../")) {
            p.invalid("path", path, "must not start with '..'");
        }
        mode(p, item, "mode");
    }

    /** {@code validateLocalDescendingPath}: relative, without '..'. */
    private static void localDescendingPath(Problems p, String field, String path) {
        if (path.startsWith("/")) {
            p.invalid(field, path, "must be a relative path");
        }
        VolumeSources.noBacksteps(p, field, path);
    }

    /** {@code ValidateVolumeMounts} and {@code ValidateVolumeDevices} of one container; {@code p} is at the container. */
    static void mounts(Problems p, JsonNode container, Map<String, String> volumes) {
        Map<String, String> devicesByName = new HashMap<>();
        Values.list(container, "volumeDevices").forEach(d -> devicesByName.put(Values.string(d, "name"), Values.string(d, "devicePath")));
        Map<String, String> mountsByName = new HashMap<>();
        List<JsonNode> mounts = Values.list(container, "volumeMounts");
        mounts.forEach(m -> mountsByName.put(Values.string(m, "name"), Values.string(m, "mountPath")));
        Problems q = p.by("ValidateVolumeMounts");
        Set<String> paths = new HashSet<>();
        boolean privileged = Boolean.TRUE.equals(Values.bool(container.path("securityContext"), "privileged"));
        for (int i = 0; i < mounts.size(); i++) {
            Problems m = q.at("volumeMounts", i);
            JsonNode mount = mounts.get(i);
            String name = Values.string(mount, "name");
            String path = Values.string(mount, "mountPath");
            if (name.isEmpty()) {
                m.required("name", "");
            }
            if (!volumes.containsKey(name)) {
                m.notFound("name", name, "no volume of the Pod has this name (volumes: " + String.join(", ", volumes.keySet()) + ")");
            }
            if (path.isEmpty()) {
                m.required("mountPath", "");
            }
            if (!paths.add(path)) {
                m.invalid("mountPath", path, "must be unique");
            }
            if (devicesByName.containsKey(name)) {
                m.invalid("name", name, "must not already exist in volumeDevices");
            }
            if (devicesByName.containsValue(path)) {
                m.invalid("mountPath", path, "must not already exist as a path in volumeDevices");
            }
            String subPath = Values.string(mount, "subPath");
            if (!subPath.isEmpty()) {
                localDescendingPath(q.at("volumeMounts"), "subPath", subPath);
            }
            String subPathExpr = Values.string(mount, "subPathExpr");
            if (!subPathExpr.isEmpty()) {
                if (!subPath.isEmpty()) {
                    m.invalid("subPathExpr", subPathExpr, "subPathExpr and subPath are mutually exclusive");
                }
                localDescendingPath(q.at("volumeMounts"), "subPathExpr", subPathExpr);
            }
            String propagation = Values.text(mount, "mountPropagation");
            if (propagation != null) {
                Problems mp = q.at("volumeMounts").by("validateMountPropagation");
                if (!PROPAGATIONS.contains(propagation)) {
                    mp.notSupported("mountPropagation", propagation, PROPAGATIONS);
                } else if (propagation.equals("Bidirectional") && !privileged) {
                    mp.forbidden("mountPropagation", "Bidirectional mount propagation is available only to privileged containers");
                }
            }
        }
        devices(p.by("ValidateVolumeDevices"), Values.list(container, "volumeDevices"), mountsByName, volumes);
    }

    private static void devices(Problems p, List<JsonNode> devices, Map<String, String> mounts, Map<String, String> volumes) {
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            Problems d = p.at("volumeDevices", i);
            String name = Values.string(devices.get(i), "name");
            String path = Values.string(devices.get(i), "devicePath");
            if (name.isEmpty()) {
                d.required("name", "");
            }
            if (!names.add(name)) {
                d.invalid("name", name, "must be unique");
            }
            String source = volumes.get(name);
            if (source == null) {
                d.notFound("name", name, "");
            } else if (!source.equals("persistentVolumeClaim") && !source.equals("ephemeral")) {
                d.invalid("name", name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
            }
            if (path.isEmpty()) {
                d.required("devicePath", "");
            }
            if (!paths.add(path)) {
                d.invalid("devicePath", path, "must be unique");
            }
            if (List.of(path.split("/", -1)).contains("..")) {
                d.invalid("devicePath", path, "can not contain backsteps ('..')");
            }
            if (mounts.containsKey(name)) {
                d.invalid("name", name, "must not already exist in volumeMounts");
            }
            if (mounts.containsValue(path)) {
                d.invalid("devicePath", path, "must not already exist as a path in volumeMounts");
            }
        }
    }
}
