package dev.statefulai.gate.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import dev.statefulai.gate.api.pod.PodSpecRules;
import dev.statefulai.gate.api.storage.ClaimSpecRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A StatefulSet, and the Pods and claims its controller creates from it.
 *
 * <p>{@code ValidateStatefulSet} / {@code ValidateStatefulSetSpec} (pkg/apis/apps/validation/validation.go,
 * release-1.28) check the set itself: a DNS-label name, pod management policy, update strategy and
 * partition, retention policy, replicas, minReadySeconds, ordinals, a non-empty selector that matches the
 * template's labels, the template's labels and annotations ({@code ValidatePodTemplateSpecForStatefulSet}),
 * restartPolicy Always, no activeDeadlineSeconds. They do not check the pod spec or the claim templates,
 * so the API server accepts a set whose every Pod and claim it then rejects.
 *
 * <p>The controller ({@code newStatefulSetPod}, {@code getPersistentVolumeClaims} in
 * pkg/controller/statefulset/stateful_set_utils.go) makes Pod {@code <set>-<ordinal>} with the template,
 * hostname = its name, subdomain = serviceName, the labels {@code statefulset.kubernetes.io/pod-name},
 * {@code apps.kubernetes.io/pod-index} and {@code controller-revision-hash: <set>-<hash>}, and one volume per
 * claim template; and claim {@code <template>-<set>-<ordinal>} with the template's labels plus the
 * selector's. Those go through {@code ValidatePodCreate} and {@code ValidatePersistentVolumeClaim}.
 */
public final class StatefulSetRules {
    private static final List<String> POD_MANAGEMENT = List.of("OrderedReady", "Parallel");
    private static final List<String> RETENTION = List.of("Retain", "Delete");
    /** The longest {@code controller-revision-hash} suffix: a uint32 in decimal ({@code controller.ComputeHash}). */
    private static final int REVISION_HASH_MAX = 10;

    /** The three lists of problems: the set's own, its Pods', its claims'. */
    public record Result(List<Problem> set, List<Problem> pods, List<Problem> claims) {
    }

    private StatefulSetRules() {
    }

    public static Result validate(JsonNode sts) {
        Problems set = Problems.root("ValidateStatefulSet");
        Meta.objectMeta(set, sts.path("metadata"), Meta.NameRule.DNS_LABEL);
        JsonNode spec = sts.path("spec");
        spec(set.at("spec").by("ValidateStatefulSetSpec"), spec);
        String name = Values.string(sts.path("metadata"), "name");
        Problems scratch = Problems.root("ValidateStatefulSetSpec");
        long replicas = orDefault(Values.int32(scratch, spec, "replicas"), 1);
        long start = orDefault(Values.int32(scratch, spec.path("ordinals"), "start"), 0);
        long lastOrdinal = start + Math.max(replicas, 1) - 1;
        return new Result(set.list(), pods(sts, name, lastOrdinal), claims(sts, name, lastOrdinal));
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }

    private static void spec(Problems p, JsonNode spec) {
        String management = Values.text(spec, "podManagementPolicy");
        if (management != null && !POD_MANAGEMENT.contains(management)) {
            p.invalid("podManagementPolicy", management, "must be 'OrderedReady' or 'Parallel'");
        }
        updateStrategy(p, spec);
        JsonNode retention = Values.object(spec, "persistentVolumeClaimRetentionPolicy");
        if (retention != null) {
            for (String when : List.of("whenDeleted", "whenScaled")) {
                String value = Values.text(retention, when);
                if (value != null && !value.isEmpty() && !RETENTION.contains(value)) {
                    p.at("persistentVolumeClaimRetentionPolicy").by("ValidatePersistentVolumeClaimRetentionPolicyType")
                            .notSupported(when, value, RETENTION);
                }
            }
        }
        nonNegative(p, spec, "replicas");
        nonNegative(p, spec, "minReadySeconds");
        Values.int32(p, spec, "revisionHistoryLimit");
        JsonNode ordinals = Values.object(spec, "ordinals");
        if (ordinals != null) {
            nonNegative(p.at("ordinals"), ordinals, "start");
        }
        JsonNode selector = Values.object(spec, "selector");
        if (selector == null) {
            p.required("selector", "");
        } else {
            Meta.labelSelector(p.at("selector").by("ValidateLabelSelector"), selector);
            if (Meta.isEmptySelector(selector)) {
                p.invalid("selector", "{}", "empty selector is invalid for statefulset");
            }
        }
        JsonNode template = spec.path("template");
        JsonNode metadata = template.path("metadata");
        Problems t = p.at("template").by("ValidatePodTemplateSpecForStatefulSet");
        if (selector != null && !Meta.isEmptySelector(selector)
                && !dev.statefulai.gate.model.LabelSelectors.matches(selector, Values.stringMap(metadata, "labels"))) {
            t.invalid("metadata.labels", Values.stringMap(metadata, "labels").toString(), "`selector` does not match template `labels`");
        }
        Meta.labels(t.at("labels").by("ValidateLabels"), metadata.path("labels"));
        Meta.annotations(t.at("annotations").by("ValidateAnnotations"), metadata.path("annotations"));
        String deletionCost = Values.stringMap(metadata, "annotations").get("controller.kubernetes.io/pod-deletion-cost");
        if (deletionCost != null && !deletionCost.matches("[+-]?[0-9]{1,10}")
                || deletionCost != null && Math.abs(Long.parseLong(deletionCost.replace("+", ""))) > Integer.MAX_VALUE) {
            t.by("ValidatePodSpecificAnnotations").invalid("annotations[controller.kubernetes.io/pod-deletion-cost]", deletionCost,
                    "must be a 32bit integer");
        }
        String restart = Values.text(template.path("spec"), "restartPolicy");
        if (restart != null && !restart.isEmpty() && !restart.equals("Always")) {
            p.notSupported("template.spec.restartPolicy", restart, List.of("Always"));
        }
        if (!Values.absent(template.path("spec"), "activeDeadlineSeconds")) {
            p.forbidden("template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported");
        }
    }

    private static void updateStrategy(Problems p, JsonNode spec) {
        JsonNode strategy = spec.path("updateStrategy");
        String type = Values.text(strategy, "type");
        JsonNode rolling = Values.object(strategy, "rollingUpdate");
        if (type == null || type.isEmpty() || type.equals("RollingUpdate")) {
            if (rolling != null) {
                nonNegative(p.at("updateStrategy.rollingUpdate").by("validateRollingUpdateStatefulSet"), rolling, "partition");
            }
        } else if (type.equals("OnDelete")) {
            if (rolling != null) {
                p.invalid("updateStrategy.rollingUpdate", "{...}", "only allowed for updateStrategy 'RollingUpdate'");
            }
        } else {
            p.invalid("updateStrategy", type, "must be 'RollingUpdate' or 'OnDelete'");
        }
    }

    /** {@code ValidateNonnegativeField} on an int32. */
    static void nonNegative(Problems p, JsonNode node, String field) {
        Long value = Values.int32(p, node, field);
        if (value != null && value < 0) {
            p.by("ValidateNonnegativeField").invalid(field, value, "must be greater than or equal to 0");
        }
    }

    /** The Pod with the highest ordinal (the longest name), as {@code ValidatePodCreate} sees it. */
    private static List<Problem> pods(JsonNode sts, String setName, long lastOrdinal) {
        Problems pod = Problems.root("ValidatePodCreate");
        JsonNode spec = sts.path("spec");
        String podName = setName + "-" + lastOrdinal;
        Problems identity = pod.at("metadata.name").by("newStatefulSetPod");
        for (String m : Names.dns1123Label(podName)) {
            identity.invalid("", setName, "Pod " + podName + " gets this name as spec.hostname, which " + m);
        }
        if (setName.length() + 1 + REVISION_HASH_MAX > Names.LABEL_VALUE_MAX) {
            identity.invalid("", setName, "the label controller-revision-hash: " + setName + "-<hash of up to 10 characters> on every Pod"
                    + " must be no more than 63 characters, so the name may have at most 52");
        }
        String serviceName = Values.string(spec, "serviceName");
        if (!serviceName.isEmpty()) {
            pod.at("spec.serviceName").by("newStatefulSetPod").invalidEach("", serviceName, Names.dns1123Label(serviceName).stream()
                    .map(m -> "every Pod gets it as spec.subdomain, which " + m).toList());
        }
        Map<String, String> claims = new LinkedHashMap<>();
        List<JsonNode> templates = Values.list(spec, "volumeClaimTemplates");
        for (int i = 0; i < templates.size(); i++) {
            String claim = Values.string(templates.get(i).path("metadata"), "name");
            pod.at("spec.volumeClaimTemplates", i).by("ValidateVolumes").invalidEach("metadata.name", claim,
                    Names.dns1123Label(claim).stream().map(m -> "every Pod gets a volume of this name, which " + m).toList());
            claims.put(claim, claim + "-" + setName + "-" + lastOrdinal);
        }
        PodSpecRules.validate(pod.at("spec.template.spec"), spec.path("template").path("spec"), claims);
        return pod.list();
    }

    /** The claims of the highest ordinal (the longest names), as {@code ValidatePersistentVolumeClaim} sees them. */
    private static List<Problem> claims(JsonNode sts, String setName, long lastOrdinal) {
        Problems claims = Problems.root("ValidatePersistentVolumeClaim");
        List<JsonNode> templates = Values.list(sts.path("spec"), "volumeClaimTemplates");
        for (int i = 0; i < templates.size(); i++) {
            Problems c = claims.at("spec.volumeClaimTemplates", i);
            JsonNode template = templates.get(i);
            String claimName = Values.string(template.path("metadata"), "name") + "-" + setName + "-" + lastOrdinal;
            c.by("ValidateObjectMetaAccessor").invalidEach("metadata.name", claimName, Names.dns1123Subdomain(claimName).stream()
                    .map(m -> "the claim name " + claimName + " (<template>-<set>-<ordinal>) " + m).toList());
            Meta.labels(c.at("metadata.labels").by("ValidateLabels"), template.path("metadata").path("labels"));
            Meta.annotations(c.at("metadata.annotations").by("ValidateAnnotations"), template.path("metadata").path("annotations"));
            ClaimSpecRules.spec(c.at("spec"), template.path("spec"));
        }
        return claims.list();
    }
}
