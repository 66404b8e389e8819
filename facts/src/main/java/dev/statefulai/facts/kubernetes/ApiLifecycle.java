package dev.statefulai.facts.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API versions that Kubernetes deprecated or stopped serving, with the version to use instead: what Pluto
 * reports, from the same sources. Removals and replacements are those of the Kubernetes "Deprecated API
 * Migration Guide" (https://kubernetes.io/docs/reference/using-api/deprecation-guide/, sections v1.16 to
 * v1.32); the release an API version is deprecated in is its {@code +k8s:prerelease-lifecycle-gen} tags in
 * k8s.io/api ({@code <group>/<version>/types.go}), where an untagged deprecation is the introduction plus three
 * minors and an untagged removal the deprecation plus three (k8s.io/code-generator,
 * prerelease-lifecycle-gen's {@code argsFromType}). Only the deprecations that matter to a target of
 * {@linkplain KubernetesVersion#supported() 1.28 and newer} carry a deprecation release.
 */
public final class ApiLifecycle {

    /**
     * One API version of some kinds.
     *
     * @param apiVersion       e.g. {@code policy/v1beta1}
     * @param kinds            the kinds of that API version this entry is about
     * @param deprecatedIn     the minor that deprecates it (the API server then answers with a warning), or 0
     * @param removedIn        the minor that no longer serves it, or 0 while none is scheduled
     * @param replacement      the API version to use instead, or null when there is none
     * @param replacementSince the minor that first serves the replacement
     */
    public record Entry(String apiVersion, Set<String> kinds, int deprecatedIn, int removedIn, String replacement,
                        int replacementSince) {

        /** Whether {@code target} no longer serves this API version. */
        public boolean removedBy(KubernetesVersion target) {
            return removedIn > 0 && target.minor() >= removedIn;
        }

        /** Whether {@code target} serves this API version only with a deprecation warning. */
        public boolean deprecatedBy(KubernetesVersion target) {
            return deprecatedIn > 0 && target.minor() >= deprecatedIn && !removedBy(target);
        }

        /** What to do instead: {@code use policy/v1 (served since 1.21)}. */
        public String instead(String kind) {
            if (replacement == null) {
                return kind.equals("PodSecurityPolicy")
                        ? "use Pod Security Admission (pod-security.kubernetes.io labels on the namespace) or an admission webhook"
                        : "it has no replacement";
            }
            return "use " + replacement + " (served since 1." + replacementSince + ")";
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            // v1.16
            removed("extensions/v1beta1", Set.of("NetworkPolicy"), 16, "networking.k8s.io/v1", 8),
            removed("extensions/v1beta1", Set.of("DaemonSet", "Deployment", "ReplicaSet"), 16, "apps/v1", 9),
            removed("apps/v1beta1", Set.of("Deployment", "StatefulSet", "ReplicaSet"), 16, "apps/v1", 9),
            removed("apps/v1beta2", Set.of("DaemonSet", "Deployment", "StatefulSet", "ReplicaSet"), 16, "apps/v1", 9),
            // v1.22
            removed("admissionregistration.k8s.io/v1beta1", Set.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"), 22,
                    "admissionregistration.k8s.io/v1", 16),
            removed("apiextensions.k8s.io/v1beta1", Set.of("CustomResourceDefinition"), 22, "apiextensions.k8s.io/v1", 16),
            removed("apiregistration.k8s.io/v1beta1", Set.of("APIService"), 22, "apiregistration.k8s.io/v1", 10),
            removed("authentication.k8s.io/v1beta1", Set.of("TokenReview"), 22, "authentication.k8s.io/v1", 6),
            removed("authorization.k8s.io/v1beta1", Set.of("LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview",
                    "SelfSubjectRulesReview"), 22, "authorization.k8s.io/v1", 6),
            removed("certificates.k8s.io/v1beta1", Set.of("CertificateSigningRequest"), 22, "certificates.k8s.io/v1", 19),
            removed("coordination.k8s.io/v1beta1", Set.of("Lease"), 22, "coordination.k8s.io/v1", 14),
            removed("extensions/v1beta1", Set.of("Ingress"), 22, "networking.k8s.io/v1", 19),
            removed("networking.k8s.io/v1beta1", Set.of("Ingress", "IngressClass"), 22, "networking.k8s.io/v1", 19),
            removed("rbac.authorization.k8s.io/v1beta1", Set.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"), 22,
                    "rbac.authorization.k8s.io/v1", 8),
            removed("scheduling.k8s.io/v1beta1", Set.of("PriorityClass"), 22, "scheduling.k8s.io/v1", 14),
            removed("storage.k8s.io/v1beta1", Set.of("CSIDriver"), 22, "storage.k8s.io/v1", 19),
            removed("storage.k8s.io/v1beta1", Set.of("CSINode"), 22, "storage.k8s.io/v1", 17),
            removed("storage.k8s.io/v1beta1", Set.of("StorageClass"), 22, "storage.k8s.io/v1", 6),
            removed("storage.k8s.io/v1beta1", Set.of("VolumeAttachment"), 22, "storage.k8s.io/v1", 13),
            // v1.25
            removed("batch/v1beta1", Set.of("CronJob"), 25, "batch/v1", 21),
            removed("discovery.k8s.io/v1beta1", Set.of("EndpointSlice"), 25, "discovery.k8s.io/v1", 21),
            removed("events.k8s.io/v1beta1", Set.of("Event"), 25, "events.k8s.io/v1", 19),
            removed("autoscaling/v2beta1", Set.of("HorizontalPodAutoscaler"), 25, "autoscaling/v2", 23),
            removed("policy/v1beta1", Set.of("PodDisruptionBudget"), 25, "policy/v1", 21),
            removed("policy/v1beta1", Set.of("PodSecurityPolicy"), 25, null, 0),
            removed("node.k8s.io/v1beta1", Set.of("RuntimeClass"), 25, "node.k8s.io/v1", 20),
            // v1.26 (the guide names flowcontrol v1beta2, itself removed in 1.29: v1 is what a supported target serves)
            removed("flowcontrol.apiserver.k8s.io/v1beta1", Set.of("FlowSchema", "PriorityLevelConfiguration"), 26,
                    "flowcontrol.apiserver.k8s.io/v1", 29),
            removed("autoscaling/v2beta2", Set.of("HorizontalPodAutoscaler"), 26, "autoscaling/v2", 23),
            // v1.27
            removed("storage.k8s.io/v1beta1", Set.of("CSIStorageCapacity"), 27, "storage.k8s.io/v1", 24),
            // v1.29: flowcontrol v1beta2 introduced 1.23, so deprecated 1.26
            new Entry("flowcontrol.apiserver.k8s.io/v1beta2", Set.of("FlowSchema", "PriorityLevelConfiguration"), 26, 29,
                    "flowcontrol.apiserver.k8s.io/v1", 29),
            // v1.32: flowcontrol v1beta3 introduced 1.26, so deprecated 1.29
            new Entry("flowcontrol.apiserver.k8s.io/v1beta3", Set.of("FlowSchema", "PriorityLevelConfiguration"), 29, 32,
                    "flowcontrol.apiserver.k8s.io/v1", 29),
            // storage/v1alpha1/types.go: introduced 1.29, deprecated 1.32 (so removed 1.35); storage/v1beta1/types.go:
            // introduced 1.31, deprecated 1.34; storage/v1/types.go: introduced 1.34
            new Entry("storage.k8s.io/v1alpha1", Set.of("VolumeAttributesClass"), 32, 35, "storage.k8s.io/v1", 34),
            new Entry("storage.k8s.io/v1beta1", Set.of("VolumeAttributesClass"), 34, 37, "storage.k8s.io/v1", 34));

    private ApiLifecycle() {
    }

    private static Entry removed(String apiVersion, Set<String> kinds, int removedIn, String replacement, int since) {
        return new Entry(apiVersion, kinds, 0, removedIn, replacement, since);
    }

    /** What is known of {@code kind} in {@code apiVersion}'s lifecycle, if it is deprecated or removed at some release. */
    public static Optional<Entry> of(String apiVersion, String kind) {
        return ENTRIES.stream().filter(e -> e.apiVersion.equals(apiVersion) && e.kinds.contains(kind)).findFirst();
    }

    /** Every entry, in release order. */
    public static List<Entry> all() {
        return ENTRIES;
    }
}
