package dev.statefulai.gate.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The volume sources a PersistentVolume or a Pod names, and the rules of each, from
 * pkg/apis/core/validation/validation.go (release-1.28): exactly one source ({@code ValidatePersistentVolumeSpec},
 * {@code validateVolumeSource}: "may not specify more than 1 volume type"), and per source the fields
 * its {@code validate...VolumeSource} function requires.
 */
public final class VolumeSources {
    /** PersistentVolume sources in the order {@code ValidatePersistentVolumeSpec} checks them. */
    public static final List<String> PERSISTENT = List.of("hostPath", "gcePersistentDisk", "awsElasticBlockStore",
            "glusterfs", "flocker", "nfs", "rbd", "quobyte", "cephfs", "iscsi", "cinder", "fc", "flexVolume", "azureFile",
            "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi");
    /**
     * Pod volume sources in the order {@code validateVolumeSource} checks them; {@code image} (an ImageVolumeSource)
     * is the last one from release-1.31, which added it. A target without the field, or with its ImageVolume
     * feature gate off, is the version stage's to report (VER004): there the server drops the volume.
     */
    public static final List<String> POD = List.of("emptyDir", "hostPath", "gitRepo", "gcePersistentDisk",
            "awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs", "flocker", "persistentVolumeClaim", "rbd",
            "cinder", "cephfs", "quobyte", "downwardAPI", "fc", "flexVolume", "configMap", "azureFile", "vsphereVolume",
            "photonPersistentDisk", "portworxVolume", "azureDisk", "storageos", "projected", "scaleIO", "csi", "ephemeral",
            "image");

    /** String fields each source's validation function requires (the same for the PV and the Pod form). */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("gcePersistentDisk", List.of("pdName")), Map.entry("awsElasticBlockStore", List.of("volumeID")),
            Map.entry("glusterfs", List.of("endpoints", "path")), Map.entry("quobyte", List.of("registry", "volume")),
            Map.entry("flexVolume", List.of("driver")), Map.entry("azureFile", List.of("secretName", "shareName")),
            Map.entry("vsphereVolume", List.of("volumePath")), Map.entry("photonPersistentDisk", List.of("pdID")),
            Map.entry("portworxVolume", List.of("volumeID")), Map.entry("azureDisk", List.of("diskName", "diskURI")),
            Map.entry("cinder", List.of("volumeID")), Map.entry("rbd", List.of("image")),
            Map.entry("iscsi", List.of("targetPortal", "iqn")), Map.entry("scaleIO", List.of("gateway", "system")),
            Map.entry("gitRepo", List.of("repository")), Map.entry("persistentVolumeClaim", List.of("claimName")),
            Map.entry("secret", List.of("secretName")), Map.entry("configMap", List.of("name")));
    private static final Set<String> HOST_PATH_TYPES = Set.of("", "DirectoryOrCreate", "Directory", "FileOrCreate", "File",
            "Socket", "CharDevice", "BlockDevice");
    private static final List<String> AZURE_CACHING = List.of("None", "ReadOnly", "ReadWrite");
    private static final List<String> AZURE_KINDS = List.of("Shared", "Dedicated", "Managed");

    private VolumeSources() {
    }

    /**
     * Checks that exactly one of {@code sources} is set on {@code spec} and applies its rules.
     *
     * @return the source set first, or null when none is
     */
    public static String exactlyOne(Problems p, JsonNode spec, List<String> sources, boolean persistent) {
        return Values.atMostOne(p, spec, sources, "volume type", (source, node) -> check(p.at(source), source, node, persistent));
    }

    private static void check(Problems p, String source, JsonNode node, boolean persistent) {
        for (String field : REQUIRED.getOrDefault(source, List.of())) {
            if (Values.string(node, field).isEmpty()) {
                p.by("validate" + upper(source) + "VolumeSource").required(field, "");
            }
        }
        switch (source) {
            case "hostPath" -> hostPath(p.by("validateHostPathVolumeSource"), node);
            case "nfs" -> nfs(p.by("validateNFSVolumeSource"), node);
            case "local" -> local(p.by("validateLocalVolumeSource"), node);
            case "csi" -> {
                if (persistent) {
                    csiPersistent(p.by("validateCSIPersistentVolumeSource"), node);
                } else {
                    csiDriverName(p.by("ValidateCSIDriverName"), node);
                }
            }
            case "gcePersistentDisk", "awsElasticBlockStore" -> partition(p.by("validate" + upper(source) + "VolumeSource"), node);
            case "azureDisk" -> azureDisk(p.by("validateAzureDisk"), node);
            case "cephfs", "rbd" -> {
                if (Values.strings(node, "monitors").isEmpty()) {
                    p.by("validate" + upper(source) + "VolumeSource").required("monitors", "");
                }
            }
            default -> {
                // the remaining sources have only the required fields above
            }
        }
    }

    private static String upper(String source) {
        return source.substring(0, 1).toUpperCase(Locale.ROOT) + source.substring(1);
    }

    /** {@code validateHostPathVolumeSource}: a path without '..', a known type. */
    static void hostPath(Problems p, JsonNode node) {
        String path = Values.string(node, "path");
        if (path.isEmpty()) {
            p.required("path", "");
            return;
        }
        noBacksteps(p, "path", path);
        String type = Values.text(node, "type");
        if (type != null && !HOST_PATH_TYPES.contains(type)) {
            p.notSupported("type", type, HOST_PATH_TYPES);
        }
    }

    private static void nfs(Problems p, JsonNode node) {
        Values.required(p, node, "server");
        String path = Values.required(p, node, "path");
        if (!path.startsWith("/")) {
            p.invalid("path", path, "must be an absolute path");
        }
    }

    private static void local(Problems p, JsonNode node) {
        String path = Values.string(node, "path");
        if (path.isEmpty()) {
            p.required("path", "");
        } else {
            noBacksteps(p, "path", path);
        }
    }

    /** {@code validatePathNoBacksteps}: no '..' element. */
    public static void noBacksteps(Problems p, String field, String path) {
        for (String part : path.replace('\\', '/').split("/", -1)) {
            if (part.equals("..")) {
                p.by("validatePathNoBacksteps").invalid(field, path, "must not contain '..'");
                return;
            }
        }
    }

    private static void partition(Problems p, JsonNode node) {
        Long partition = Values.int32(p, node, "partition");
        if (partition != null && (partition < 0 || partition > 255)) {
            p.invalid("partition", partition, "must be between 1 and 255, inclusive");
        }
    }

    private static void azureDisk(Problems p, JsonNode node) {
        String caching = Values.text(node, "cachingMode");
        if (caching != null && !AZURE_CACHING.contains(caching)) {
            p.notSupported("cachingMode", caching, AZURE_CACHING);
        }
        String kind = Values.text(node, "kind");
        if (kind != null && !AZURE_KINDS.contains(kind)) {
            p.notSupported("kind", kind, AZURE_KINDS);
        }
        String uri = Values.string(node, "diskURI");
        // SetDefaults_AzureDiskVolumeSource makes kind Shared when unset
        String effectiveKind = kind == null ? "Shared" : kind;
        if (effectiveKind.equals("Managed") && !uri.startsWith("/subscriptions/")) {
            p.notSupported("diskURI", uri, List.of("/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"));
        } else if (!effectiveKind.equals("Managed") && AZURE_KINDS.contains(effectiveKind) && !uri.startsWith("https://")) {
            p.notSupported("diskURI", uri, List.of("https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"));
        }
    }

    /** {@code validateCSIPersistentVolumeSource}: driver name, volume handle, secret references. */
    private static void csiPersistent(Problems p, JsonNode node) {
        csiDriverName(p.by("ValidateCSIDriverName"), node);
        if (Values.string(node, "volumeHandle").isEmpty()) {
            p.required("volumeHandle", "");
        }
        for (String ref : List.of("controllerPublishSecretRef", "controllerExpandSecretRef", "nodePublishSecretRef",
                "nodeExpandSecretRef")) {
            JsonNode secret = Values.object(node, ref);
            if (secret != null) {
                secretReference(p.at(ref).by("validatePVSecretReference"), secret);
            }
        }
    }

    /** {@code ValidateCSIDriverName}: required, at most 63 characters, a DNS-1123 subdomain in lower case. */
    private static void csiDriverName(Problems p, JsonNode node) {
        String driver = Values.string(node, "driver");
        if (driver.isEmpty()) {
            p.required("driver", "");
        }
        if (driver.length() > 63) {
            p.tooLong("driver", "may not be more than 63 characters");
        }
        p.invalidEach("driver", driver, Names.dns1123Subdomain(driver.toLowerCase(Locale.ROOT)));
    }

    /** {@code validatePVSecretReference}: a name (DNS subdomain) and a namespace (DNS label), both required. */
    private static void secretReference(Problems p, JsonNode ref) {
        Values.required(p, ref, "name", Names::dns1123Subdomain);
        Values.required(p, ref, "namespace", Names::dns1123Label);
    }
}
