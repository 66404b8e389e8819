package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import java.util.List;
import java.util.regex.Pattern;
import org.cdk8s.plus28.k8s.PersistentVolumeSpec;

/**
 * An existing EFS file system, directory or access point. EFS is regional (mount targets in every
 * zone), so the PersistentVolume has no node affinity. Create with {@link AwsEfs#existingVolume}.
 */
public final class EfsVolume implements PreProvisionedVolume {
    private static final String HANDLE_RULE = "an EFS volume handle: fs-0123456789abcdef0, fs-0123456789abcdef0:/path, "
            + "or fs-0123456789abcdef0::fsap-0123456789abcdef0 (an access point, optionally with a path between the colons)";
    private static final Pattern HANDLE =
            Pattern.compile("fs-([0-9a-f]{8}|[0-9a-f]{17})(:(/[^:]*)?(:fsap-[0-9a-f]{17})?)?");

    private final String volumeHandle;

    EfsVolume(String volumeHandle) {
        Validate.required("EfsVolume", "volumeHandle", volumeHandle, HANDLE_RULE);
        if (!HANDLE.matcher(volumeHandle).matches() || volumeHandle.contains("..") || volumeHandle.endsWith(":")) {
            Refusals.refuse(new InvalidPropsException("EfsVolume", "volumeHandle", volumeHandle, HANDLE_RULE));
        }
        this.volumeHandle = volumeHandle;
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec) {
        applyTo(spec, false);
    }

    @Override
    public boolean supportsReadOnly() {
        return true;
    }

    @Override
    public void applyTo(PersistentVolumeSpec.Builder spec, boolean readOnly) {
        CsiVolumes.apply(spec, CsiVolumes.source(AwsEfs.CSI_DRIVER, volumeHandle, null, null, readOnly), List.of());
    }

    @Override
    public String provisioner() {
        return AwsEfs.CSI_DRIVER;
    }

    @Override
    public String handle() {
        return volumeHandle;
    }

    /** The file system id, e.g. {@code fs-0123456789abcdef0}. */
    public String fileSystemId() {
        int colon = volumeHandle.indexOf(':');
        return colon < 0 ? volumeHandle : volumeHandle.substring(0, colon);
    }
}
