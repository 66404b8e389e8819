package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.render.Quantities;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.ContainerPort;
import org.cdk8s.plus28.k8s.EnvVar;
import org.cdk8s.plus28.k8s.ResourceRequirements;
import org.cdk8s.plus28.k8s.VolumeDevice;
import org.cdk8s.plus28.k8s.VolumeMount;

/**
 * The main container of a workload beyond its image: what it runs, its environment, ports,
 * resources, probes and {@code /dev/shm}. Every prop is optional.
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

    /**
     * The container {@code name} running {@code image}, with {@code env} (checked already), the volumes'
     * {@code mounts} and {@code devices}, and the probes ({@code cacheFilled}: a cache fill runs before it,
     * which shortens a model's startup budget).
     */
    public Container toContainer(String name, String image, List<EnvVar> env, List<VolumeMount> mounts, List<VolumeDevice> devices,
                                 boolean cacheFilled) {
        Container.Builder c = Container.builder()
                .name(name)
                .image(image)
                .resources(ResourceRequirements.builder()
                        .requests(Quantities.map(resources.requests()))
                        .limits(Quantities.map(resources.limits()))
                        .build())
                .securityContext(PodSecurity.containerContext());
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
        if (!mounts.isEmpty()) {
            c.volumeMounts(mounts);
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

        public ContainerProps build() {
            return new ContainerProps(this);
        }
    }
}
