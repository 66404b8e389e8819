package dev.statefulai.constructs.claims;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.AllowNulls;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One entry of a StatefulSet's {@code volumeClaimTemplates}: every replica gets its own {@link Claim},
 * named {@code <template>-<statefulset>-<ordinal>}, mounted at {@link #mountPath()}.
 *
 * <p>Defaults: access mode {@code ReadWriteOnce}, volume mode {@code Filesystem}, storage class: the
 * app's own StorageClass when it has one, otherwise the cluster's default class.
 *
 * <p>Instead of one claim per replica, a template can stand for <em>one claim shared by every
 * replica</em>: a claim the app creates ({@link #shared()}, named {@code <template>-<statefulset>})
 * or one that already exists ({@link #existingClaim()}). Replicas mount a shared claim
 * read-only; with more than one replica it must be {@code ReadWriteMany} or {@code ReadOnlyMany}
 * (a {@code ReadWriteOnce} volume attaches to one node: replicas elsewhere fail with Multi-Attach).
 */
@Value.Immutable
@PropsStyle
public abstract class ClaimTemplate extends ClaimProps {
    private static final String SPEC_SET_ALREADY = "none for an existing claim: its spec was set when it was created";

    public static Builder builder() {
        return new Builder();
    }

    /** {@code builder().name(name).mountPath(mountPath).size(size).build()}: the common one-line template. */
    public static ClaimTemplate of(String name, String mountPath, String size) {
        return builder().name(name).mountPath(mountPath).size(size).build();
    }

    /** Required. Where the volume appears in the container: an absolute path (the device path for {@link VolumeMode#BLOCK}). */
    @Nullable
    public abstract String mountPath();

    /**
     * The class asked for by name. The empty string {@code ""} means "no class": the claim binds only a
     * pre-provisioned PersistentVolume without a class (use {@link #volumeName} or {@link #selector} to pick it).
     *
     * @default the app's own StorageClass if it has one, otherwise the cluster's default class
     */
    @Nullable
    @Override
    public abstract String storageClassName();

    /**
     * Bind the PersistentVolume of this name (pre-provisioned). Only for a shared claim or one replica.
     *
     * @default none
     */
    @Nullable
    @Override
    public abstract String volumeName();

    /**
     * Bind only PersistentVolumes with these labels ({@code selector.matchLabels}).
     *
     * @default none
     */
    @Nullable
    @AllowNulls
    @Override
    public abstract Map<String, String> selector();

    /**
     * Whether the container mounts the volume read-only.
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean readOnly() {
        return false;
    }

    /**
     * A sub-directory of the volume to mount instead of its root: a relative path without {@code ..}.
     *
     * @default {@code null}: the volume's root
     */
    @Nullable
    public abstract String subPath();

    /**
     * Mount this existing claim (in the app's namespace) in every replica instead of creating claims.
     * Only access modes and volume mode are still read from the template (say what the claim has: the
     * app checks them); size is optional and class, volume name, selector, data source, labels and
     * annotations are refused.
     *
     * @default none
     */
    @Nullable
    public abstract String existingClaim();

    /**
     * Create one claim, {@code <template>-<statefulset>}, that every replica mounts, instead of one claim
     * per replica. See {@link #isShared()} for whether replicas share a claim.
     *
     * @default {@code false}
     */
    @Value.Default
    public boolean shared() {
        return false;
    }

    /** Whether every replica mounts one claim (an existing one, or one the app creates). */
    public boolean isShared() {
        return shared() || existingClaim() != null;
    }

    /** The claim each replica gets (or the one every replica shares), checked when the template is built. */
    @Value.Lazy
    public Claim claim() {
        return Claim.of(this, construct(), "", existingClaim() == null, List.of(AccessMode.READ_WRITE_ONCE));
    }

    private String construct() {
        return "ClaimTemplate '" + name() + "'";
    }

    @Value.Check
    void check() {
        String construct = construct();
        Validate.dnsLabel(construct, "name", name());
        Validate.absolutePath(construct, "mountPath", mountPath());
        if (existingClaim() != null) {
            Validate.dnsSubdomain(construct, "existingClaim", existingClaim());
            refuseBesideExistingClaim(construct);
        }
        claim();
        if (subPath() != null) {
            Validate.relativePath(construct, "subPath", subPath());
            if (volumeMode() == VolumeMode.BLOCK) {
                Refusals.refuse(new InvalidPropsException(construct, "subPath", subPath(), "none on a Block volume, which is a device, not a file system"));
            }
        }
    }

    /** Only access modes and volume mode describe an existing claim: the rest of its spec is the claim's own. */
    private void refuseBesideExistingClaim(String construct) {
        if (shared()) {
            Refusals.refuse(new InvalidPropsException(construct, "shared", true, "false with existingClaim, which is shared already"));
        }
        Object[] spec = {"storageClassName", storageClassName(), "volumeAttributesClassName", volumeAttributesClassName(),
            "volumeName", volumeName(), "selector", given(selector()), "dataSource", dataSource() == null ? null : dataSource().name()};
        for (int i = 0; i < spec.length; i += 2) {
            if (spec[i + 1] != null) {
                Refusals.refuse(new InvalidPropsException(construct, (String) spec[i], spec[i + 1].toString(), SPEC_SET_ALREADY));
            }
        }
        Map<String, String> labels = given(labels());
        Map<String, String> annotations = given(annotations());
        if (labels != null || annotations != null) {
            Refusals.refuse(new InvalidPropsException(construct, labels == null ? "annotations" : "labels",
                    (labels == null ? annotations : labels).toString(), SPEC_SET_ALREADY));
        }
    }

    /** {@code map}, or {@code null} when none or an empty one is given. */
    private static Map<String, String> given(Map<String, String> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    /** Builder for {@link ClaimTemplate}: the claim's props ({@link ClaimProps}, {@link ClaimBuilder}) and where replicas mount it. */
    public static final class Builder extends ImmutableClaimTemplate.Builder implements ClaimBuilder<Builder> {
    }
}
