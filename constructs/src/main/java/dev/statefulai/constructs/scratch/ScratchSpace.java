package dev.statefulai.constructs.scratch;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.Volume;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * The scratch volumes of one pod, resolved: defaults (a {@code /tmp}, an image preset's directories)
 * under the ones given, one per mount path; a default at a path a claim is mounted at gives way to the
 * claim. Also what a container that mounts them requests as {@code ephemeral-storage}.
 */
public final class ScratchSpace {
    /** The {@code /tmp} every pod with a read-only root file system gets unless something else is mounted there. */
    public static final ScratchVolume DEFAULT_TMP = ScratchVolume.emptyDir("tmp", "/tmp", "1Gi");

    private static final BigDecimal MI = BigDecimal.valueOf(1L << 20);
    private static final BigDecimal GI = BigDecimal.valueOf(1L << 30);

    private final List<ScratchVolume> volumes;

    private ScratchSpace(List<ScratchVolume> volumes) {
        this.volumes = List.copyOf(volumes);
    }

    /**
     * The pod's scratch: {@code defaults} (in order, a later one replacing an earlier one at the same path)
     * without those at a path in {@code claimPaths}, then {@code given}, each replacing a default at its
     * path. Refused: two given at one path, one at a claim's path or at {@code /dev/shm}, and any name
     * used twice among them and {@code takenNames} (the claims' volumes, {@code dshm}).
     */
    public static ScratchSpace resolve(String construct, List<ScratchVolume> defaults, List<ScratchVolume> given,
                                       Collection<String> claimPaths, Collection<String> takenNames) {
        Map<String, ScratchVolume> byPath = new LinkedHashMap<>();
        for (ScratchVolume d : defaults) {
            if (!claimPaths.contains(d.mountPath())) {
                byPath.put(d.mountPath(), d);
            }
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ScratchVolume v = given.get(i);
            if (paths.contains(v.mountPath()) || claimPaths.contains(v.mountPath()) || v.mountPath().equals("/dev/shm")) {
                Refusals.refuse(new InvalidPropsException(construct, "scratch[" + i + "].mountPath", v.mountPath(),
                        "a path no claim template or other scratch volume is mounted at, and not /dev/shm (sharedMemory sets it)"));
            }
            paths.add(v.mountPath());
            byPath.remove(v.mountPath());
        }
        List<ScratchVolume> all = new ArrayList<>(byPath.values());
        all.addAll(given);
        List<String> names = new ArrayList<>(takenNames);
        for (ScratchVolume v : all) {
            if (names.contains(v.name())) {
                int i = given.indexOf(v);
                Refusals.refuse(new InvalidPropsException(construct, i < 0 ? "scratch" : "scratch[" + i + "].name", v.name(),
                        "a name no claim template, other scratch volume or 'dshm' (/dev/shm) has" + (i < 0
                                ? "; the pod's scratch volume at " + v.mountPath() + " is named '" + v.name()
                                + "': rename the claim template, or give scratch for " + v.mountPath() + " under another name" : "")));
            }
            names.add(v.name());
        }
        return new ScratchSpace(all);
    }

    /** The volumes, defaults first, in order. */
    public List<ScratchVolume> volumes() {
        return volumes;
    }

    /** The pod volumes (ephemeral claims labelled {@code labels}). */
    public List<Volume> podVolumes(Map<String, String> labels) {
        return volumes.stream().map(v -> v.toVolume(labels)).toList();
    }

    /** A container's mounts of every volume. */
    public List<VolumeMount> mounts() {
        return volumes.stream().map(ScratchVolume::toMount).toList();
    }

    /** The volume at {@code path}, or {@code null}. */
    public ScratchVolume at(String path) {
        return volumes.stream().filter(v -> v.mountPath().equals(path)).findFirst().orElse(null);
    }

    /**
     * The {@code ephemeral-storage} a container mounting {@code mounted} requests: the sum of the disk-backed
     * ones' sizes ({@code tmpfs} counts against memory, a claim against its class), or {@code null} for none.
     */
    public static String ephemeralStorage(Collection<ScratchVolume> mounted) {
        BigDecimal bytes = BigDecimal.ZERO;
        for (ScratchVolume v : mounted) {
            if (v.isEphemeralStorage()) {
                bytes = bytes.add(Validate.bytes(v.size()));
            }
        }
        if (bytes.signum() == 0) {
            return null;
        }
        if (bytes.remainder(GI).signum() == 0) {
            return bytes.divide(GI).toBigInteger() + "Gi";
        }
        if (bytes.remainder(MI).signum() == 0) {
            return bytes.divide(MI).toBigInteger() + "Mi";
        }
        return bytes.setScale(0, RoundingMode.UP).toPlainString();
    }
}
