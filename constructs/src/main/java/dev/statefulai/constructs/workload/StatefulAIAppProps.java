package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.NamedProps;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.AvailabilityProps;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.PodExtras;
import dev.statefulai.constructs.pod.PodSecurity;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.presets.ImagePreset;
import java.util.List;

/**
 * Props of {@link StatefulAIApp}: who it is ({@code name}, {@code namespace}, labels), the three things
 * every app gives ({@code image}, {@code replicas}, {@code claimTemplates}), and the rest grouped by
 * concern, each group with its own builder and documented defaults:
 * {@link ContainerProps container}, {@link StorageProps storage}, {@link SchedulingProps scheduling},
 * {@link AvailabilityProps availability} and {@link PodSecurity security}. The common case is one line:
 *
 * <pre>{@code
 * StatefulAIAppProps.builder().name("vector-db").image("qdrant/qdrant:v1.12.1").replicas(3)
 *         .claimTemplates(ClaimTemplate.of("data", "/qdrant/storage", "100Gi")).build()
 * }</pre>
 *
 * <p>Refusals name a prop by its name within its group (e.g. {@code sharedMemory},
 * {@code podDisruptionBudgetMaxUnavailable}): no two groups share a prop name.
 */
public final class StatefulAIAppProps extends NamedProps {
    private final String image;
    private final int replicas;
    private final List<ClaimTemplate> claimTemplates;
    private final String component;
    private final String serviceAccountName;
    private final PodSecurity security;
    private final ContainerProps container;
    private final StorageProps storage;
    private final SchedulingProps scheduling;
    private final AvailabilityProps availability;
    private final ImagePreset preset;
    private final PodExtras extras;

    private StatefulAIAppProps(Builder b) {
        super(b);
        this.image = b.image;
        this.replicas = b.replicas;
        this.claimTemplates = List.copyOf(b.claimTemplates);
        this.component = b.component;
        this.serviceAccountName = b.serviceAccountName;
        this.security = b.security;
        this.container = b.container;
        this.storage = b.storage;
        this.scheduling = b.scheduling;
        this.availability = b.availability;
        this.preset = b.preset;
        this.extras = b.extras;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String image() {
        return image;
    }

    public int replicas() {
        return replicas;
    }

    public List<ClaimTemplate> claimTemplates() {
        return claimTemplates;
    }

    public String component() {
        return component;
    }

    public String serviceAccountName() {
        return serviceAccountName;
    }

    /** The user, group and fsGroup: the ones given, else the image preset's, else {@link PodSecurity#defaults()}. */
    public PodSecurity security() {
        return security != null ? security : preset != null ? preset.security() : PodSecurity.defaults();
    }

    public ContainerProps container() {
        return container;
    }

    public StorageProps storage() {
        return storage;
    }

    public SchedulingProps scheduling() {
        return scheduling;
    }

    public AvailabilityProps availability() {
        return availability;
    }

    /** The image preset, or {@code null}. */
    public ImagePreset preset() {
        return preset;
    }

    /** Pod annotations and volumes that attached storage asks for, and annotations on the StatefulSet. */
    public PodExtras extras() {
        return extras;
    }

    /** Builder for {@link StatefulAIAppProps}. */
    public static final class Builder extends NamedProps.Builder<Builder> {
        private String image;
        private int replicas = 1;
        private List<ClaimTemplate> claimTemplates = List.of();
        private String component;
        private String serviceAccountName;
        private PodSecurity security;
        private ContainerProps container = ContainerProps.defaults();
        private StorageProps storage = StorageProps.defaults();
        private SchedulingProps scheduling = SchedulingProps.defaults();
        private AvailabilityProps availability = AvailabilityProps.defaults();
        private ImagePreset preset;
        private PodExtras extras = PodExtras.none();

        private Builder() {
        }

        /** Required. Container image; pin a tag or digest. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /**
         * Number of pods; 1 or more.
         *
         * @default 1
         */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** Required, one or more. The volumes each replica gets (or that every replica shares). */
        public Builder claimTemplates(List<ClaimTemplate> claimTemplates) {
            this.claimTemplates = claimTemplates;
            return this;
        }

        /** Convenience for {@link #claimTemplates(List)}. */
        public Builder claimTemplates(ClaimTemplate... claimTemplates) {
            return claimTemplates(List.of(claimTemplates));
        }

        /**
         * The {@code app.kubernetes.io/component} label, e.g. {@code model-server}.
         *
         * @default none
         */
        public Builder component(String component) {
            this.component = component;
            return this;
        }

        /**
         * Service account of the pods.
         *
         * @default none, and then the pod gets no API token: a model server or database seldom needs to talk to the Kubernetes API
         */
        public Builder serviceAccountName(String serviceAccountName) {
            this.serviceAccountName = serviceAccountName;
            return this;
        }

        /**
         * User, group and fsGroup of the pods.
         *
         * @default the {@link #preset}'s, else {@link PodSecurity#defaults()}
         */
        public Builder security(PodSecurity security) {
            this.security = security;
            return this;
        }

        /**
         * The main container beyond its image: command, env, ports, resources, probes, {@code /dev/shm}.
         *
         * @default {@link ContainerProps#defaults()}
         */
        public Builder container(ContainerProps container) {
            this.container = container;
            return this;
        }

        /**
         * The app's own StorageClass and volumes, claim retention and growth, cache fill, chown.
         *
         * @default {@link StorageProps#defaults()}
         */
        public Builder storage(StorageProps storage) {
            this.storage = storage;
            return this;
        }

        /**
         * Node selection, GPU model, runtime and priority classes, zone spread.
         *
         * @default {@link SchedulingProps#defaults()}
         */
        public Builder scheduling(SchedulingProps scheduling) {
            this.scheduling = scheduling;
            return this;
        }

        /**
         * PodDisruptionBudget, pod management, update strategy, termination grace period.
         *
         * @default {@link AvailabilityProps#defaults()}
         */
        public Builder availability(AvailabilityProps availability) {
            this.availability = availability;
            return this;
        }

        /**
         * What the image needs to start as a non-root user with a read-only root file system: its user and
         * group, variables for its home and caches, and sized scratch volumes (see
         * {@code dev.statefulai.constructs.presets.ImagePresets}: vLLM, TGI, Ollama, Triton, Qdrant,
         * Weaviate). The app's own {@code security}, env and scratch win over the preset's; releases of the
         * official image that cannot start as non-root are refused.
         *
         * @default none: user 1000, no variables, a 1Gi {@code /tmp}
         */
        public Builder preset(ImagePreset preset) {
            this.preset = preset;
            return this;
        }

        /**
         * Pod annotations and volumes that attached storage asks for (a bucket's FUSE sidecar and its cache), and annotations
         * on the StatefulSet.
         *
         * @default {@link PodExtras#none()}
         */
        public Builder extras(PodExtras extras) {
            this.extras = extras;
            return this;
        }

        public StatefulAIAppProps build() {
            return new StatefulAIAppProps(this);
        }
    }
}
