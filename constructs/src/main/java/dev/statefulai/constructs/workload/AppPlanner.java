package dev.statefulai.constructs.workload;

import dev.statefulai.constructs.AccessMode;
import dev.statefulai.constructs.ContainerEnv;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Labels;
import dev.statefulai.constructs.Namespace;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.Validate;
import dev.statefulai.constructs.VolumeMode;
import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.imagevolume.ImageVolume;
import dev.statefulai.constructs.cachefill.FillSource;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.runtime.RuntimePlan;
import dev.statefulai.constructs.runtime.RuntimePlanner;
import dev.statefulai.constructs.workload.AppPlan.PlannedClaim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.cdk8s.plus28.k8s.EnvVar;

/**
 * Checks a {@link StatefulAIApp}'s props and resolves them into an {@link AppPlan}: every refusal of
 * the construct is made here, in the order the props are read, and nothing is built. The storage
 * rules are {@link StoragePlanner}'s.
 */
final class AppPlanner {
    static final String CONSTRUCT = "StatefulAIApp";

    private final StatefulAIAppProps props;
    private final String construct;

    private AppPlanner(StatefulAIAppProps props, String id) {
        this.props = props;
        this.construct = CONSTRUCT + " '" + (props.name() == null ? id : props.name()) + "'";
    }

    /** The plan of the app {@code id}; {@code chartNamespace} is asked only when the props name no namespace. */
    static AppPlan plan(StatefulAIAppProps props, String id, Supplier<String> chartNamespace) {
        return new AppPlanner(props, id).plan(chartNamespace);
    }

    private AppPlan plan(Supplier<String> chartNamespace) {
        String name = Validate.dnsLabel(construct, "name", props.name());
        if (name.length() > 52) {
            Refusals.refuse(new InvalidPropsException(construct, "name", name,
                    "at most 52 characters: Kubernetes adds an 11-character revision hash to the pods' labels"));
        }
        String namespace = Namespace.resolve(construct, props.namespace(), chartNamespace, false);
        Validate.required(construct, "image", props.image(), "a container image reference, e.g. vllm/vllm-openai:v0.6.3");
        Validate.atLeast(construct, "replicas", props.replicas(), 1);
        Validate.nonEmpty(construct, "claimTemplates", props.claimTemplates(),
                "one or more ClaimTemplate: a StatefulAIApp exists to give each replica its own volumes");
        checkUniqueNames();
        checkSharedClaims();
        String sharedMemory = sharedMemory();
        Map<String, String> nodeSelector = nodeSelector();
        checkProbesAndFill();
        StoragePlanner storage = new StoragePlanner(construct, props);
        storage.check();
        String capacity = storage.capacity();
        storage.checkTiers();
        List<PlannedClaim> claims = props.claimTemplates().stream()
                .map(t -> new PlannedClaim(t, storage.classOf(t), !t.isShared() ? null
                        : t.existingClaim() != null ? t.existingClaim() : t.name() + "-" + name))
                .toList();
        checkChown();
        if (props.serviceAccountName() != null) {
            Validate.dnsSubdomain(construct, "serviceAccountName", props.serviceAccountName());
        }
        List<String> taken = new ArrayList<>(List.of("dshm", CacheFill.SOURCE_VOLUME));
        props.claimTemplates().forEach(t -> taken.add(t.name()));
        props.extras().check(construct, "extras.", taken);
        props.extras().volumes().forEach(v -> taken.add(v.getName()));
        checkImageVolumes(taken);
        ContainerProps c = props.container();
        StorageProps s = props.storage();
        RuntimePlan runtime = RuntimePlanner.plan(construct, c, props.preset(), props.image(), props.claimTemplates(), s.cacheFill(),
                s.chownVolumes() ? s.chownImage() : null);
        List<EnvVar> env = new ContainerEnv(construct, "container '" + name + "'", "secretEnv")
                .plain("env", runtime.env()).fromSecrets("secretEnv", c.secretEnv()).vars();
        Integer maxUnavailable = maxUnavailable();
        return new AppPlan(props, name, namespace, Labels.of(name, props.component(), props.partOf()), claims, capacity,
                sharedMemory, nodeSelector, maxUnavailable, storage.grownClaims(), env, runtime);
    }

    /** Each image volume is valid on the target, and its name and mount path are the pod's and container's own. */
    private void checkImageVolumes(List<String> taken) {
        List<String> paths = new ArrayList<>();
        props.claimTemplates().forEach(t -> paths.add(t.mountPath()));
        List<ImageVolume> images = props.storage().imageVolumes();
        for (int i = 0; i < images.size(); i++) {
            ImageVolume image = images.get(i);
            String prop = "imageVolumes[" + i + "]";
            image.check(construct, prop);
            if (taken.contains(image.name())) {
                Refusals.refuse(new InvalidPropsException(construct, prop + ".name", image.name(),
                        "a name no other volume of the pod has (taken: " + taken + ")"));
            }
            if (paths.contains(image.mountPath())) {
                Refusals.refuse(new InvalidPropsException(construct, prop + ".mountPath", image.mountPath(),
                        "a path no other mount of the container has (taken: " + paths + ")"));
            }
            taken.add(image.name());
            paths.add(image.mountPath());
        }
    }

    private void checkUniqueNames() {
        List<String> seen = new ArrayList<>();
        for (ClaimTemplate t : props.claimTemplates()) {
            if (seen.contains(t.name()) || "dshm".equals(t.name())) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + seen.size() + "].name", t.name(),
                        "a name used by no other claim template and not 'dshm' (taken by /dev/shm)"));
            }
            seen.add(t.name());
        }
    }

    /** A claim every replica mounts must attach to several nodes; a per-replica claim cannot name one volume. */
    private void checkSharedClaims() {
        int replicas = props.replicas();
        for (int i = 0; i < props.claimTemplates().size(); i++) {
            ClaimTemplate t = props.claimTemplates().get(i);
            if (t.isShared() && replicas > 1 && t.claim().isSingleNode()) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "].accessModes",
                        t.claim().accessModeValues().toString(),
                        "ReadWriteMany or ReadOnlyMany for a claim that " + replicas + " replicas share: a ReadWriteOnce volume "
                                + "attaches to one node, and replicas on other nodes fail with a Multi-Attach error; or give each "
                                + "replica its own claim (neither shared nor existingClaim)"));
            }
            if (!t.isShared() && t.claim().volumeName() != null && replicas > 1) {
                Refusals.refuse(new InvalidPropsException(construct, "claimTemplates[" + i + "].volumeName", t.claim().volumeName(),
                        "none on a per-replica template of " + replicas + " replicas: one PersistentVolume binds one claim, so "
                                + "the other replicas stay Pending; use selector, or a shared claim"));
            }
        }
    }

    /** The {@code /dev/shm} size: the one given (at most the memory limit), else half the memory request up to 16Gi with 2+ GPUs. */
    private String sharedMemory() {
        ContainerProps c = props.container();
        Resources res = c.resources();
        if (c.sharedMemory() != null) {
            Validate.size(construct, "sharedMemory", c.sharedMemory());
            if (Validate.bytes(c.sharedMemory()).compareTo(Validate.bytes(res.memoryLimit())) > 0) {
                Refusals.refuse(new InvalidPropsException(construct, "sharedMemory", c.sharedMemory(),
                        "at most the memory limit " + res.memoryLimit() + ": the pages of /dev/shm count against it, and a "
                                + "full /dev/shm above it gets the pod OOM-killed"));
            }
            return c.sharedMemory();
        }
        if (!c.autoSharedMemory() || res.gpus() < 2) {
            return null;
        }
        BigDecimal mi = BigDecimal.valueOf(1L << 20);
        BigDecimal half = Validate.bytes(res.memory()).divide(BigDecimal.valueOf(2));
        long mebibytes = half.min(Validate.bytes(StatefulAIApp.DEFAULT_SHARED_MEMORY_CAP)).divideToIntegralValue(mi).longValue();
        if (mebibytes < 1) {
            return null;
        }
        return mebibytes % 1024 == 0 ? (mebibytes / 1024) + "Gi" : mebibytes + "Mi";
    }

    /** The node selector given, with the label of the GPU product (checked against the GPUs asked for). */
    private Map<String, String> nodeSelector() {
        SchedulingProps s = props.scheduling();
        if (s.runtimeClassName() != null) {
            Validate.dnsSubdomain(construct, "runtimeClassName", s.runtimeClassName());
        }
        Map<String, String> selector = new TreeMap<>(s.nodeSelector());
        String product = s.gpuProduct();
        if (product == null) {
            return selector;
        }
        Resources res = props.container().resources();
        if (res.gpus() == 0) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", product, "none without GPUs (resources.gpus is 0)"));
        }
        if (product.length() > 63 || !product.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", product,
                    "a node label value such as NVIDIA-A10G or NVIDIA-H100-80GB-HBM3: at most 63 letters, digits, '-', '_' and '.'"));
        }
        String key = gpuProductLabel(res);
        if (key == null) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", product,
                    "none for " + res.gpuResource() + ", whose product label is not known: select nodes with nodeSelector"));
            return selector;
        }
        String other = s.nodeSelector().get(key);
        if (other != null && !other.equals(product)) {
            Refusals.refuse(new InvalidPropsException(construct, "gpuProduct", product,
                    "the value nodeSelector gives " + key + " ('" + other + "'), or no such nodeSelector entry"));
        }
        selector.put(key, product);
        return selector;
    }

    /** The node label GPU feature discovery puts the GPU model in, by vendor; {@code null} when unknown. */
    private static String gpuProductLabel(Resources res) {
        if (res.gpuResource().startsWith("nvidia.com/")) {
            return "nvidia.com/gpu.product";
        }
        if (res.gpuResource().startsWith("amd.com/")) {
            return "amd.com/gpu.product-name";
        }
        return null;
    }

    private void checkProbesAndFill() {
        ContainerProps c = props.container();
        if (c.modelProbes() != null && (c.startupProbe() != null || c.readinessProbe() != null || c.livenessProbe() != null)) {
            Refusals.refuse(new InvalidPropsException(construct, "modelProbes", "set",
                    "not together with startupProbe, readinessProbe or livenessProbe: modelProbes writes all three"));
        }
        CacheFill fill = props.storage().cacheFill();
        if (fill == null) {
            return;
        }
        List<String> names = props.claimTemplates().stream().map(ClaimTemplate::name).toList();
        ClaimTemplate target = props.claimTemplates().stream().filter(t -> t.name().equals(fill.into())).findFirst().orElse(null);
        if (target == null) {
            Refusals.refuse(new InvalidPropsException(construct, "cacheFill.into", fill.into(), "the name of a claim template: " + names));
            return;
        }
        if (target.claim().volumeMode() == VolumeMode.BLOCK) {
            Refusals.refuse(new InvalidPropsException(construct, "cacheFill.into", fill.into(),
                    "a Filesystem claim template: a Block volume has no files to fill"));
        }
        if (target.claim().accessModes().stream().allMatch(m -> m == AccessMode.READ_ONLY_MANY)) {
            Refusals.refuse(new InvalidPropsException(construct, "cacheFill.into", fill.into(),
                    "a claim template the pods can write (ReadWriteMany, or ReadWriteOnce per replica), not ReadOnlyMany only; "
                            + "to share a read-only copy, fill a ReadWriteMany claim or clone one (cloneFromClaim)"));
        }
        if (fill.source() instanceof FillSource.Claim && names.contains(CacheFill.SOURCE_VOLUME)) {
            Refusals.refuse(new InvalidPropsException(construct, "claimTemplates", CacheFill.SOURCE_VOLUME,
                    "no template named '" + CacheFill.SOURCE_VOLUME + "' with a cacheFill from a claim, which mounts its source under that name"));
        }
    }

    private void checkChown() {
        StorageProps s = props.storage();
        if (!s.chownVolumes()) {
            return;
        }
        String filled = s.cacheFill() == null ? null : s.cacheFill().into();
        if (props.claimTemplates().stream().noneMatch(t -> AppPlan.writable(t, filled))) {
            Refusals.refuse(new InvalidPropsException(construct, "chownVolumes", true,
                    "false when no claim volume is writable by the pods (all are read-only, shared or Block)"));
        }
        Validate.required(construct, "chownImage", s.chownImage(), "a container image with sh, stat and chown");
    }

    /** The budget's {@code maxUnavailable}, or {@code null} for none: with one replica a budget would block every node drain. */
    private Integer maxUnavailable() {
        int replicas = props.replicas();
        if (!props.availability().podDisruptionBudget() || replicas <= 1) {
            return null;
        }
        Integer given = props.availability().podDisruptionBudgetMaxUnavailable();
        int maxUnavailable = given == null ? 1 : given;
        if (maxUnavailable < 1 || maxUnavailable >= replicas) {
            Refusals.refuse(new InvalidPropsException(construct, "podDisruptionBudgetMaxUnavailable", maxUnavailable,
                    "from 1 to replicas - 1 (" + (replicas - 1) + "): 0 blocks every node drain, replicas allows losing all"));
        }
        return maxUnavailable;
    }
}
