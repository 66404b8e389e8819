package dev.statefulai.gate.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.pod.PodSpecRules;
import java.util.List;
import java.util.Map;

/**
 * Pods and the pod templates of other workloads (Deployment, ReplicaSet, DaemonSet, Job): unlike a
 * StatefulSet's, their templates are checked on create ({@code ValidatePodTemplateSpec} in
 * pkg/apis/core/validation/validation.go, called by {@code ValidateDeploymentSpec} and the like), and a Pod
 * by {@code ValidatePodCreate}. Only the pod spec and the template's metadata are checked here; the
 * workload's own fields (strategy, completions, ...) are not.
 */
public final class TemplateRules {
    private TemplateRules() {
    }

    /** A Deployment, ReplicaSet, DaemonSet or Job: its {@code spec.template}. */
    public static List<Problem> workload(JsonNode workload) {
        Problems p = Problems.root("ValidatePodTemplateSpec");
        Meta.objectMeta(p, workload.path("metadata"), Meta.NameRule.DNS_SUBDOMAIN);
        Problems t = p.at("spec.template");
        JsonNode template = workload.path("spec").path("template");
        Meta.labels(t.at("metadata.labels").by("ValidateLabels"), template.path("metadata").path("labels"));
        Meta.annotations(t.at("metadata.annotations").by("ValidateAnnotations"), template.path("metadata").path("annotations"));
        PodSpecRules.validate(t.at("spec"), template.path("spec"), Map.of());
        return p.list();
    }

    /** A Pod ({@code ValidatePodCreate}). */
    public static List<Problem> pod(JsonNode pod) {
        Problems p = Problems.root("ValidatePodCreate");
        Meta.objectMeta(p, pod.path("metadata"), Meta.NameRule.DNS_SUBDOMAIN);
        PodSpecRules.validate(p.at("spec"), pod.path("spec"), Map.of());
        return p.list();
    }
}
