package dev.statefulai.gate.drivers;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.KubeQuantity;
import dev.statefulai.facts.drivers.BucketMount;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.FileCache;
import dev.statefulai.facts.drivers.Modes;
import dev.statefulai.facts.drivers.StorageDriver;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Buckets of object storage mounted through FUSE, judged by their drivers' catalog entries
 * ({@link BucketMount}): a serving workload reads its weights from a claim that is ReadOnlyMany and mounted
 * readOnly (OBJ001); a file cache has a volume of a bounded size to live on (OBJ002: Mountpoint's
 * {@code cache} attributes, docs/CACHING.md; Cloud Storage FUSE's {@code gke-gcsfuse-cache} pod volume at least
 * the cache's capacity, pkg/webhook/sidecar_spec.go); a pod carries the annotation its driver needs (OBJ003:
 * {@code gke-gcsfuse/volumes}, pkg/webhook/mutatingwebhook.go); a blobfuse volume gives its files to a user
 * by mount options, since it ignores {@code fsGroup} (OBJ004).
 */
public final class BucketVolumeRules implements CheckStage {
    private static final BigDecimal MIB = BigDecimal.valueOf(1L << 20);

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Manifest pv : env.ofKind("PersistentVolume")) {
            bucketOf(pv).ifPresent(mount -> {
                volumeCache(pv, mount).ifPresent(out::add);
                if (!mount.honorsFsGroup() && !"nfs".equals(attribute(pv, "protocol")) && mountOptions(pv).stream().noneMatch(o -> o.contains("gid="))) {
                    out.add(Finding.of(Rule.OBJ004, pv, "mounts a blob container with blobfuse, which ignores the pods' fsGroup, and no"
                            + " '-o uid=' or '-o gid=' mount option: give the files to the pods' user and group (docs/driver-parameters.md)"));
                }
            });
        }
        for (MountedClaims.Mount m : MountedClaims.of(env)) {
            Optional<BucketMount> bucket = m.driver().flatMap(StorageDriver::bucket);
            if (bucket.isEmpty()) {
                continue;
            }
            String driver = m.driver().orElseThrow().provisioner();
            String what = m.owner().kind() + " " + m.owner().name() + " mounts bucket claim " + m.claim().name() + " (" + driver + ")";
            List<String> modes = Json.strings(m.claim().spec().path("accessModes"));
            if (m.serving() && (!modes.equals(List.of(Modes.READ_ONLY_MANY)) || !m.readOnly())) {
                out.add(Finding.of(Rule.OBJ001, m.owner(), what + " " + modes + (m.readOnly() ? "" : " without readOnly")
                        + ": a server must not write its weights; use a ReadOnlyMany claim mounted readOnly"));
            }
            bucket.get().requiredPodAnnotation().filter(a -> !"true".equals(m.podAnnotation(a))).ifPresent(a ->
                    out.add(Finding.of(Rule.OBJ003, m.owner(), what + " without the pod annotation " + a + ": \"true\": the driver's"
                            + " sidecar is not injected and the volume never mounts")));
            podCache(m, bucket.get(), what).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<BucketMount> bucketOf(Manifest pv) {
        return DriverCatalog.byProvisioner(pv.spec().path("csi").path("driver").asText("")).flatMap(StorageDriver::bucket);
    }

    private static String attribute(Manifest pv, String key) {
        return pv.spec().path("csi").path("volumeAttributes").path(key).asText("");
    }

    /** The volume's mount options, with those of a {@code mountOptions} volume attribute (comma-separated). */
    private static List<String> mountOptions(Manifest pv) {
        List<String> options = new ArrayList<>(Json.strings(pv.spec().path("mountOptions")));
        String fromAttribute = attribute(pv, "mountOptions");
        if (!fromAttribute.isEmpty()) {
            options.addAll(List.of(fromAttribute.split(",")));
        }
        return options;
    }

    /** A cache the driver makes itself from the volume's attributes: sized, or no cache. */
    private static Optional<Finding> volumeCache(Manifest pv, BucketMount mount) {
        if (!(mount.fileCache() instanceof FileCache.DriverVolume cache)) {
            return Optional.empty();
        }
        boolean legacy = mountOptions(pv).stream().map(o -> o.trim().replaceFirst("^--", "").split("[ =]")[0])
                .anyMatch(cache.legacyMountOption()::equals);
        String type = attribute(pv, cache.typeAttribute());
        if (legacy && type.isEmpty()) {
            return Optional.of(Finding.of(Rule.OBJ002, pv, "turns the cache on with the mount option " + cache.legacyMountOption()
                    + ", which the driver puts on an emptyDir without a size limit: use volumeAttributes " + cache.typeAttribute() + ": "
                    + cache.emptyDir() + " with " + cache.emptyDirSizeAttribute()));
        }
        if (type.equals(cache.emptyDir()) && attribute(pv, cache.emptyDirSizeAttribute()).isEmpty()) {
            return Optional.of(Finding.of(Rule.OBJ002, pv, "caches on an emptyDir without " + cache.emptyDirSizeAttribute()
                    + ": the cache fills the node's disk until the pod is evicted"));
        }
        if (type.equals(cache.ephemeral()) && (attribute(pv, cache.ephemeralClassAttribute()).isEmpty()
                || attribute(pv, cache.ephemeralSizeAttribute()).isEmpty())) {
            return Optional.of(Finding.of(Rule.OBJ002, pv, "caches on an ephemeral volume without " + cache.ephemeralClassAttribute()
                    + " and " + cache.ephemeralSizeAttribute() + ", which the driver requires: the volume never mounts"));
        }
        return Optional.empty();
    }

    /** A cache on a pod volume of the driver's name, at least the cache's capacity. */
    private static Optional<Finding> podCache(MountedClaims.Mount m, BucketMount mount, String what) {
        if (!(mount.fileCache() instanceof FileCache.PodVolume cache) || m.volume().isEmpty()) {
            return Optional.empty();
        }
        Manifest pv = m.volume().get();
        BigDecimal capacity = capacity(pv, cache);
        if (capacity == null || capacity.signum() == 0) {
            return Optional.empty();
        }
        if (capacity.signum() < 0) {
            return Optional.of(Finding.of(Rule.OBJ002, m.owner(), what + " with an unlimited file cache: no volume bounds it; give "
                    + cache.capacityAttribute() + " a size and the pod volume " + cache.podVolume() + " as much"));
        }
        JsonNode volume = m.podVolumeNamed(cache.podVolume());
        String size = volume.has("emptyDir") ? volume.path("emptyDir").path("sizeLimit").asText("")
                : volume.path("ephemeral").path("volumeClaimTemplate").path("spec").path("resources").path("requests").path("storage").asText("");
        String need = " a file cache of " + capacity.divide(MIB, 0, java.math.RoundingMode.UP) + "Mi, which lives on the pod volume "
                + cache.podVolume();
        if (volume.isMissingNode() || size.isEmpty()) {
            return Optional.of(Finding.of(Rule.OBJ002, m.owner(), what + " with" + need + ": the pod has "
                    + (volume.isMissingNode() ? "none, and GKE adds an emptyDir without a size limit" : "it without a size")
                    + "; add it as an emptyDir with sizeLimit (or an ephemeral volume) of at least the cache's capacity"));
        }
        if (KubeQuantity.tryParse(size).filter(bytes -> bytes.compareTo(capacity) < 0).isPresent()) {
            return Optional.of(Finding.of(Rule.OBJ002, m.owner(), what + " with" + need + ", sized only " + size
                    + ": the cache outgrows its volume and the pod is evicted; size it at least as the cache"));
        }
        return Optional.empty();
    }

    /** The cache's capacity in bytes: the attribute (a quantity) or the mount option (MiB); negative for unlimited; null for none. */
    private static BigDecimal capacity(Manifest pv, FileCache.PodVolume cache) {
        String attribute = attribute(pv, cache.capacityAttribute());
        if (!attribute.isEmpty()) {
            return attribute.startsWith("-") ? BigDecimal.ONE.negate() : KubeQuantity.tryParse(attribute).orElse(null);
        }
        for (String option : mountOptions(pv)) {
            if (option.trim().startsWith(cache.capacityMountOption())) {
                String mib = option.trim().substring(cache.capacityMountOption().length());
                return mib.startsWith("-") ? BigDecimal.ONE.negate() : mib.matches("[0-9]+") ? new BigDecimal(mib).multiply(MIB) : null;
            }
        }
        return null;
    }
}
