package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.scratch.ScratchVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.ContainerPort;
import org.cdk8s.plus28.k8s.EnvVar;
import org.cdk8s.plus28.k8s.VolumeDevice;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * The main container of a workload beyond its image: what it runs, its environment, ports,
 * resources, probes, {@code /dev/shm}, scratch space, root file system and image pull policy. Every
 * prop is optional.
 */
public final class ContainerProps {
    private final List<String> command;
    private final List<String> args;
    private final Map<String, String> env;
    private final List<SecretEnv> secretEnv;
    private final List<PortSpec> ports;
    private final Resources resources;
    private final ProbeSpec startupProbe;
    private final ProbeSpec readinessProbe;
    private final ProbeSpec livenessProbe;
    private final ModelProbes modelProbes;
    private final String sharedMemory;
    private final boolean autoSharedMemory;
    private final List<ScratchVolume> scratch;
    private final String writableRootFilesystem;
    private final ImagePullPolicy imagePullPolicy;
    private final boolean requireImageDigests;

    private ContainerProps(Builder b) {
        this.command = List.copyOf(b.command);
        this.args = List.copyOf(b.args);
        this.env = new TreeMap<>(b.env);
        this.secretEnv = List.copyOf(b.secretEnv);
        this.ports = List.copyOf(b.ports);
        this.resources = b.resources;
        this.startupProbe = b.startupProbe;
        this.readinessProbe = b.readinessProbe;
        this.livenessProbe = b.livenessProbe;
        this.modelProbes = b.modelProbes;
        this.sharedMemory = b.sharedMemory;
        this.autoSharedMemory = b.autoSharedMemory;
        this.scratch = List.copyOf(b.scratch);
        this.writableRootFilesystem = b.writableRootFilesystem;
        this.imagePullPolicy = b.imagePullPolicy;
        this.requireImageDigests = b.requireImageDigests;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every default: the image's entrypoint, no env, no ports, {@link Resources#defaults()}, no probes. */
    public static ContainerProps defaults() {
        return builder().build();
    }

    public List<String> command() {
        return command;
    }

    public List<String> args() {
        return args;
    }

    /** Plain variables, sorted by name. */
    public Map<String, String> env() {
        return env;
    }

    public List<SecretEnv> secretEnv() {
        return secretEnv;
    }

    public List<PortSpec> ports() {
        return ports;
    }

    public Resources resources() {
        return resources;
    }

    public ProbeSpec startupProbe() {
        return startupProbe;
    }

    public ProbeSpec readinessProbe() {
        return readinessProbe;
    }

    public ProbeSpec livenessProbe() {
        return livenessProbe;
    }

    public ModelProbes modelProbes() {
        return modelProbes;
    }

    /** The {@code /dev/shm} size given, or {@code null}. */
    public String sharedMemory() {
        return sharedMemory;
    }

    public boolean autoSharedMemory() {
        return autoSharedMemory;
    }

    /** The scratch volumes given, in order. */
    public List<ScratchVolume> scratch() {
        return scratch;
    }

    /** Why the root file system must be writable, or {@code null} when it is read-only (the default). */
    public String writableRootFilesystem() {
        return writableRootFilesystem;
    }

    /** The pull policy given, or {@code null} for the default of the image. */
    public ImagePullPolicy imagePullPolicy() {
        return imagePullPolicy;
    }

    public boolean requireImageDigests() {
        return requireImageDigests;
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
                .resources(runtime.resources(resources.requests(), resources.limits()))
                .securityContext(runtime.securityContext());
        List<VolumeMount> allMounts = new ArrayList<>(mounts);
        allMounts.addAll(runtime.scratchMounts());
        if (!command.isEmpty()) {
            c.command(command);
        }
        if (!args.isEmpty()) {
            c.args(args);
        }
        if (!env.isEmpty()) {
            c.env(env);
        }
        if (!ports.isEmpty()) {
            c.ports(ports.stream().map(p -> ContainerPort.builder().name(p.name()).containerPort(p.port()).protocol("TCP").build()).toList());
        }
        if (!allMounts.isEmpty()) {
            c.volumeMounts(allMounts);
        }
        if (!devices.isEmpty()) {
            c.volumeDevices(devices);
        }
        if (modelProbes != null) {
            c.startupProbe(modelProbes.startup(cacheFilled).toProbe())
                    .readinessProbe(modelProbes.readiness().toProbe())
                    .livenessProbe(modelProbes.liveness().toProbe());
        }
        if (startupProbe != null) {
            c.startupProbe(startupProbe.toProbe());
        }
        if (readinessProbe != null) {
            c.readinessProbe(readinessProbe.toProbe());
        }
        if (livenessProbe != null) {
            c.livenessProbe(livenessProbe.toProbe());
        }
        return c.build();
    }

    /** Builder for {@link ContainerProps}. */
    public static final class Builder {
        private List<String> command = List.of();
        private List<String> args = List.of();
        private Map<String, String> env = Map.of();
        private List<SecretEnv> secretEnv = List.of();
        private List<PortSpec> ports = List.of();
        private Resources resources = Resources.defaults();
        private ProbeSpec startupProbe;
        private ProbeSpec readinessProbe;
        private ProbeSpec livenessProbe;
        private ModelProbes modelProbes;
        private String sharedMemory;
        private boolean autoSharedMemory = true;
        private List<ScratchVolume> scratch = List.of();
        private String writableRootFilesystem;
        private ImagePullPolicy imagePullPolicy;
        private boolean requireImageDigests;

        private Builder() {
        }

        /**
         * Entrypoint override.
         *
         * @default the image's entrypoint
         */
        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        /**
         * Arguments.
         *
         * @default none
         */
        public Builder args(List<String> args) {
            this.args = args;
            return this;
        }

        /**
         * Plain environment variables, written sorted by name. Never secrets: a name or value that looks
         * like a credential is refused; use {@link #secretEnv}.
         *
         * @default none
         */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /**
         * Environment variables read from Secrets at run time.
         *
         * @default none
         */
        public Builder secretEnv(List<SecretEnv> secretEnv) {
            this.secretEnv = secretEnv;
            return this;
        }

        /**
         * Container ports, published by the headless Service.
         *
         * @default none
         */
        public Builder ports(List<PortSpec> ports) {
            this.ports = ports;
            return this;
        }

        /**
         * CPU, memory and GPUs.
         *
         * @default {@link Resources#defaults()}: 500m CPU, 1Gi memory, no GPU
         */
        public Builder resources(Resources resources) {
            this.resources = resources;
            return this;
        }

        /**
         * Startup probe: holds off the other probes while a model loads.
         *
         * @default none
         */
        public Builder startupProbe(ProbeSpec probe) {
            this.startupProbe = probe;
            return this;
        }

        /**
         * Readiness probe.
         *
         * @default none
         */
        public Builder readinessProbe(ProbeSpec probe) {
            this.readinessProbe = probe;
            return this;
        }

        /**
         * Liveness probe.
         *
         * @default none
         */
        public Builder livenessProbe(ProbeSpec probe) {
            this.livenessProbe = probe;
            return this;
        }

        /**
         * Startup, readiness and liveness probes of a model server at once, with a startup budget derived
         * from the model size (see {@link ModelProbes}). Not together with the three single probes.
         *
         * @default none
         */
        public Builder modelProbes(ModelProbes probes) {
            this.modelProbes = probes;
            return this;
        }

        /**
         * Size of a memory-backed {@code /dev/shm}; the container runtime's default of 64Mi is far too
         * small for multi-GPU inference (NCCL) and data loaders. At most the memory limit: its pages count
         * against it.
         *
         * @default with more than one GPU, half the memory request but at most 16Gi; otherwise none (see {@link #autoSharedMemory})
         */
        public Builder sharedMemory(String size) {
            this.sharedMemory = size;
            return this;
        }

        /**
         * Whether to add {@code /dev/shm} by itself when more than one GPU is requested and
         * {@link #sharedMemory} is not given.
         *
         * @default {@code true}
         */
        public Builder autoSharedMemory(boolean enabled) {
            this.autoSharedMemory = enabled;
            return this;
        }

        /**
         * Writable scratch directories, each bounded: {@code emptyDir} with a {@code sizeLimit} (and the
         * container's {@code ephemeral-storage} request), RAM, or a claim that lives as long as the pod (see
         * {@link ScratchVolume}). One at a path an image preset also writes replaces the preset's; one at a
         * claim template's mount path is refused.
         *
         * @default a {@code /tmp} of 1Gi on the node's disk (the root file system is read-only), and an image preset's
         */
        public Builder scratch(List<ScratchVolume> scratch) {
            this.scratch = scratch;
            return this;
        }

        /**
         * Makes the image's root file system writable, for an image that writes outside the paths scratch
         * volumes can cover; {@code reason} (required) becomes the waiver of the gate's read-only root rule on
         * the workload. Writes there count as ephemeral storage and vanish with the container.
         *
         * @default read-only ({@code readOnlyRootFilesystem: true}), with scratch volumes for what the image writes
         */
        public Builder writableRootFilesystem(String reason) {
            this.writableRootFilesystem = reason;
            return this;
        }

        /**
         * The pull policy of the container's image (and of the pod's init containers' images).
         *
         * @default per image, {@link ImagePullPolicy#forImage}: {@code IfNotPresent} when pinned by digest, else {@code Always}
         */
        public Builder imagePullPolicy(ImagePullPolicy policy) {
            this.imagePullPolicy = policy;
            return this;
        }

        /**
         * Refuse every image of the pod (this container's, the cache fill's, chown's) that is not pinned by
         * digest ({@code image@sha256:<64 hex digits>}, a tag may stay in front): what a tag points to can
         * change, a digest cannot.
         *
         * @default {@code false}: tags are allowed (the gate reports them, as Checkov's CKV_K8S_43 does)
         */
        public Builder requireImageDigests(boolean required) {
            this.requireImageDigests = required;
            return this;
        }

        public ContainerProps build() {
            return new ContainerProps(this);
        }
    }
}
