package dev.statefulai.gate.api.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.NodeSelectors;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a Pod may run (pkg/apis/core/validation/validation.go, release-1.28): {@code ValidateTolerations},
 * {@code validateAffinity} (node affinity, pod affinity and anti-affinity terms and weights),
 * {@code validateTopologySpreadConstraints} and the node selector ({@code ValidateLabels} on
 * {@code spec.nodeSelector}).
 */
final class SchedulingRules {
    private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final List<String> WHEN_UNSATISFIABLE = List.of("DoNotSchedule", "ScheduleAnyway");
    private static final List<String> INCLUSION_POLICIES = List.of("Honor", "Ignore");

    private SchedulingRules() {
    }

    /** Everything above; {@code p} is at the pod spec. */
    static void validate(Problems p, JsonNode spec) {
        Meta.labels(p.at("nodeSelector").by("ValidateLabels"), spec.path("nodeSelector"));
        tolerations(p.by("ValidateTolerations"), Values.list(spec, "tolerations"));
        JsonNode affinity = Values.object(spec, "affinity");
        if (affinity != null) {
            affinity(p.at("affinity").by("validateAffinity"), affinity);
        }
        spread(p.by("validateTopologySpreadConstraints"), Values.list(spec, "topologySpreadConstraints"));
    }

    private static void tolerations(Problems p, List<JsonNode> tolerations) {
        for (int i = 0; i < tolerations.size(); i++) {
            Problems t = p.at("tolerations", i);
            JsonNode tol = tolerations.get(i);
            String key = Values.string(tol, "key");
            String operator = Values.string(tol, "operator");
            String value = Values.string(tol, "value");
            String effect = Values.string(tol, "effect");
            if (!key.isEmpty()) {
                t.invalidEach("key", key, Names.qualifiedName(key));
            } else if (!operator.equals("Exists")) {
                t.invalid("operator", operator, "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }
            if (!Values.absent(tol, "tolerationSeconds")) {
                Values.int64(t, tol, "tolerationSeconds");
                if (!effect.equals("NoExecute")) {
                    t.invalid("effect", effect, "effect must be 'NoExecute' when `tolerationSeconds` is set");
                }
            }
            switch (operator) {
                case "Equal", "" -> t.invalidEach("operator", value, Names.labelValue(value));
                case "Exists" -> {
                    if (!value.isEmpty()) {
                        t.invalid("operator", value, "value must be empty when `operator` is 'Exists'");
                    }
                }
                default -> t.notSupported("operator", operator, List.of("Equal", "Exists"));
            }
            if (!effect.isEmpty() && !EFFECTS.contains(effect)) {
                t.by("validateTaintEffect").notSupported("effect", effect, EFFECTS);
            }
        }
    }

    private static void affinity(Problems p, JsonNode affinity) {
        JsonNode node = Values.object(affinity, "nodeAffinity");
        if (node != null) {
            Problems n = p.at("nodeAffinity").by("validateNodeAffinity");
            JsonNode required = Values.object(node, "requiredDuringSchedulingIgnoredDuringExecution");
            if (required != null) {
                NodeSelectors.nodeSelector(n.at("requiredDuringSchedulingIgnoredDuringExecution"), required);
            }
            List<JsonNode> preferred = Values.list(node, "preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                Problems t = n.at("preferredDuringSchedulingIgnoredDuringExecution", i).by("ValidatePreferredSchedulingTerms");
                weight(t, preferred.get(i));
                NodeSelectors.nodeSelectorTerm(t.at("preference"), preferred.get(i).path("preference"));
            }
        }
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            JsonNode pod = Values.object(affinity, kind);
            if (pod == null) {
                continue;
            }
            Problems a = p.at(kind).by(kind.equals("podAffinity") ? "validatePodAffinity" : "validatePodAntiAffinity");
            List<JsonNode> required = Values.list(pod, "requiredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < required.size(); i++) {
                podAffinityTerm(a.at("requiredDuringSchedulingIgnoredDuringExecution", i), required.get(i));
            }
            List<JsonNode> preferred = Values.list(pod, "preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                Problems t = a.at("preferredDuringSchedulingIgnoredDuringExecution", i).by("validateWeightedPodAffinityTerms");
                weight(t, preferred.get(i));
                podAffinityTerm(t.at("podAffinityTerm"), preferred.get(i).path("podAffinityTerm"));
            }
        }
    }

    private static void weight(Problems p, JsonNode term) {
        Long weight = Values.int32(p, term, "weight");
        long w = weight == null ? (Values.absent(term, "weight") ? 0 : 1) : weight;
        if (w <= 0 || w > 100) {
            p.invalid("weight", w, "must be in the range 1-100");
        }
    }

    private static void podAffinityTerm(Problems p, JsonNode term) {
        Problems t = p.by("validatePodAffinityTerm");
        Meta.labelSelector(t.at("labelSelector").by("ValidatePodAffinityTermSelector"), Values.object(term, "labelSelector"));
        Meta.labelSelector(t.at("namespaceSelector").by("ValidatePodAffinityTermSelector"), Values.object(term, "namespaceSelector"));
        for (String ns : Values.strings(term, "namespaces")) {
            t.invalidEach("namespace", ns, Names.dns1123Label(ns));
        }
        String key = Values.string(term, "topologyKey");
        if (key.isEmpty()) {
            t.required("topologyKey", "can not be empty");
        }
        t.invalidEach("topologyKey", key, Names.qualifiedName(key));
    }

    private static void spread(Problems p, List<JsonNode> constraints) {
        Set<String> pairs = new HashSet<>();
        for (int i = constraints.size() - 1; i >= 0; i--) {
            Problems c = p.at("topologySpreadConstraints", i);
            JsonNode tsc = constraints.get(i);
            Long maxSkew = Values.int32(c, tsc, "maxSkew");
            if (maxSkew != null && maxSkew <= 0 || maxSkew == null && Values.absent(tsc, "maxSkew")) {
                c.by("ValidateMaxSkew").invalid("maxSkew", maxSkew == null ? 0 : maxSkew, "must be greater than zero");
            }
            String key = Values.string(tsc, "topologyKey");
            if (key.isEmpty()) {
                c.by("ValidateTopologyKey").required("topologyKey", "can not be empty");
            }
            String when = Values.string(tsc, "whenUnsatisfiable");
            if (!WHEN_UNSATISFIABLE.contains(when)) {
                c.by("ValidateWhenUnsatisfiable").notSupported("whenUnsatisfiable", when, WHEN_UNSATISFIABLE);
            }
            if (!pairs.add(key + "\n" + when)) {
                c.by("ValidateSpreadConstraintNotRepeat").duplicate("{topologyKey, whenUnsatisfiable}", "{" + key + ", " + when + "}");
            }
            if (!Values.absent(tsc, "minDomains")) {
                Long min = Values.int32(c, tsc, "minDomains");
                if (min != null && min <= 0) {
                    c.by("validateMinDomains").invalid("minDomains", min, "must be greater than zero");
                }
                if (!when.equals("DoNotSchedule")) {
                    c.by("validateMinDomains").invalid("minDomains", min, "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + when);
                }
            }
            for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
                String value = Values.text(tsc, policy);
                if (value != null && !INCLUSION_POLICIES.contains(value)) {
                    c.by("validateNodeInclusionPolicy").notSupported(policy, value, INCLUSION_POLICIES);
                }
            }
            JsonNode selector = Values.object(tsc, "labelSelector");
            matchLabelKeys(c.by("validateMatchLabelKeys"), Values.strings(tsc, "matchLabelKeys"), selector);
            Meta.labelSelector(c.at("labelSelector").by("ValidateLabelSelector"), selector);
        }
    }

    private static void matchLabelKeys(Problems p, List<String> keys, JsonNode selector) {
        if (keys.isEmpty()) {
            return;
        }
        Set<String> selectorKeys = new HashSet<>();
        if (selector == null) {
            p.forbidden("matchLabelKeys", "must not be specified when labelSelector is not set");
        } else {
            selector.path("matchLabels").fieldNames().forEachRemaining(selectorKeys::add);
            Values.list(selector, "matchExpressions").forEach(e -> selectorKeys.add(Values.string(e, "key")));
        }
        for (int i = 0; i < keys.size(); i++) {
            p.invalidEach("matchLabelKeys[" + i + "]", keys.get(i), Names.qualifiedName(keys.get(i)));
            if (selectorKeys.contains(keys.get(i))) {
                p.invalid("matchLabelKeys[" + i + "]", keys.get(i), "exists in both matchLabelKeys and labelSelector");
            }
        }
    }
}
