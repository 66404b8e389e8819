package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.Nullable;
import dev.statefulai.constructs.PropsStyle;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.scratch.ScratchVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.ContainerPort;
import org.cdk8s.plus28.k8s.EnvVar;
import org.cdk8s.plus28.k8s.VolumeDevice;
import org.cdk8s.plus28.k8s.VolumeMount;
import org.immutables.value.Value;

/**
 * The main container of a workload beyond its image: what it runs, its environment, ports,
 * resources, probes, {@code /dev/shm}, scratch space, root file system and image pull policy. Every
 * prop is optional.
 */
@Value.Immutable
@PropsStyle
public abstract class ContainerProps {

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: the image's entrypoint, no env, no ports, {@link Resources#defaults()}, no probes. */
    public static ContainerProps defaults() {
        return builder().build();
    }

    /**
     * Entrypoint override.
     *
     * @default the image's entrypoint
     */
    public abstract List<String> command();

    /**
     * Arguments.
     *
     * @default none
     */
    public abstract List<String> args();

    /**
     * Plain environment variables, written sorted by name. Never secrets: a name or value that looks
     * like a credential is refused; use {@link #secretEnv}.
     *
     * @default none
     */
    @Value.NaturalOrder
    public abstract SortedMap<String, String> env();

    /**
     * Environment variables read from Secrets at run time.
     *
     * @default none
     */
    public abstract List<SecretEnv> secretEnv();

    /**
     * Container ports, published by the headless Service.
     *
     * @default none
     */
    public abstract List<PortSpec> ports();

    /**
     * CPU, memory and GPUs.
     *
     * @default {@link Resources#defaults()}: 500m CPU, 1Gi memory, no GPU
     */
    @Nullable
    @Value.Default
    public Resources resources() {
        return Resources.defaults();
    }

    /**
     * Startup probe: holds off the other probes while a model loads.
     *
     * @default none
     */
    @Nullable
    public abstract ProbeSpec startupProbe();

    /**
     * Readiness probe.
     *
     * @default none
     */
    @Nullable
    public abstract ProbeSpec readinessProbe();

    /**
     * Liveness probe.
     *
     * @default none
     */
    @Nullable
    public abstract ProbeSpec livenessProbe();

    /**
     * Startup, readiness and liveness probes of a model server at once, with a startup budget derived
     * from the model size (see {@link ModelProbes}). Not together with the three single probes.
     *
     * @default none
     */
    @Nullable
    public abstract ModelProbes modelProbes();

    /**
     * Size of a memory-backed {@code /dev/shm}; the container runtime's default of 64Mi is far too
     * small for multi-GPU inference (NCCL) and data loaders. At most the memory limit: its pages count
     * against it.
     *
     * @default with more than one GPU, half the memory request but at most 16Gi; otherwise none (see {@link #autoSharedMemory})
     */
    @Nullable
    public abstract String sharedMemory();

    /**
     * Whether to add {@code /dev/shm} by itself when more than one GPU is requested and
     * {@link #sharedMemory} is not given.
     *
     * @default {@code true}
     */
    @Value.Default
    public boolean autoSharedMemory() {
        return true;
    }

    /**
     * Writable scratch directories, each bounded: {@code emptyDir} with a {@code sizeLimit} (and the
     * container's {@code ephemeral-storage} request), RAM, or a claim that lives as long as the pod (see
     * {@link ScratchVolume}). One at a path an image preset also writes replaces the preset's; one at a
     * claim template's mount path is refused.
     *
     * @default a {@code /tmp} of 1Gi on the node's disk (the root file system is read-only), and an image preset's
     */
    public abstract List<ScratchVolume> scratch();

    /**
     * Makes the image's root file system writable, for an image that writes outside the paths scratch
     * volumes can cover; {@code reason} (required) becomes the waiver of the gate's read-only root rule on
     * the workload. Writes there count as ephemeral storage and vanish with the container.
     *
     * @default read-only ({@code readOnlyRootFilesystem: true}), with scratch volumes for what the image writes
     */
    @Nullable
    public abstract String writableRootFilesystem();

    /**
     * The pull policy of the container's image (and of the pod's init containers' images).
     *
     * @default per image, {@link ImagePullPolicy#forImage}: {@code IfNotPresent} when pinned by digest, else {@code Always}
     */
    @Nullable
    public abstract ImagePullPolicy imagePullPolicy();

    /**
     * Refuse every image of the pod (this container's, the cache fill's, chown's) that is not pinned by
     * digest ({@code image@sha256:<64 hex digits>}, a tag may stay in front): what a tag points to can
     * change, a digest cannot.
     *
     * @default {@code false}: tags are allowed (the gate reports them, as Checkov's CKV_K8S_43 does)
     */
    @Value.Default
    public boolean requireImageDigests() {
        return false;
    }

    /**
     * The container {@code name} running {@code image}, with {@code env} (checked already), the volumes'
     * {@code mounts} and {@code devices}, the probes ({@code cacheFilled}: a cache fill runs before it,
     * which shortens a model's startup budget), and how it runs ({@code runtime}: root file system, pull
     * policy, ephemeral storage, scratch mounts after the volume mounts).
     */
    public Container toContainer(String name, String image, List<EnvVar> env, List<VolumeMount> mounts, List<VolumeDevice> devices,
                                 boolean cacheFilled, ContainerRuntime runtime) {
        Container.Builder c = Container.builder()
                .name(name)
                .image(image)
                .imagePullPolicy(runtime.imagePullPolicy().value())
                .resources(runtime.resources(resources().requests(), resources().limits()))
                .securityContext(runtime.securityContext());
        List<VolumeMount> allMounts = new ArrayList<>(mounts);
        allMounts.addAll(runtime.scratchMounts());
        if (!command().isEmpty()) {
            c.command(command());
        }
        if (!args().isEmpty()) {
            c.args(args());
        }
        if (!env.isEmpty()) {
            c.env(env);
        }
        if (!ports().isEmpty()) {
            c.ports(ports().stream().map(p -> ContainerPort.builder().name(p.name()).containerPort(p.port()).protocol("TCP").build()).toList());
        }
        if (!allMounts.isEmpty()) {
            c.volumeMounts(allMounts);
        }
        if (!devices.isEmpty()) {
            c.volumeDevices(devices);
        }
        if (modelProbes() != null) {
            c.startupProbe(modelProbes().startup(cacheFilled).toProbe())
                    .readinessProbe(modelProbes().readiness().toProbe())
                    .livenessProbe(modelProbes().liveness().toProbe());
        }
        if (startupProbe() != null) {
            c.startupProbe(startupProbe().toProbe());
        }
        if (readinessProbe() != null) {
            c.readinessProbe(readinessProbe().toProbe());
        }
        if (livenessProbe() != null) {
            c.livenessProbe(livenessProbe().toProbe());
        }
        return c.build();
    }

    /** Builder for {@link ContainerProps}. */
    public static final class Builder extends ImmutableContainerProps.Builder {
    }
}
