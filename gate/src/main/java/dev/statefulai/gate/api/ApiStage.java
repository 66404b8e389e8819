package dev.statefulai.gate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.apps.DisruptionBudgetRules;
import dev.statefulai.gate.api.apps.ServiceRules;
import dev.statefulai.gate.api.apps.StatefulSetRules;
import dev.statefulai.gate.api.apps.TemplateRules;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.storage.ClaimRules;
import dev.statefulai.gate.api.storage.PersistentVolumeRules;
import dev.statefulai.gate.api.storage.StorageClassRules;
import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The "api" stage: what a Kubernetes 1.28 API server rejects on create, per kind (API001-API010), and what
 * it rejects later in the Pods and claims a StatefulSet's controller creates. Kinds it knows nothing of
 * get the checks every object gets (name as a path segment, labels, annotations); the schema stage
 * reports them as not validated.
 */
public final class ApiStage implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Manifest m : env.all()) {
            check(m, out);
        }
        return out;
    }

    private static void check(Manifest m, List<Finding> out) {
        JsonNode body = m.body();
        switch (m.apiVersion() + " " + m.kind()) {
            case "storage.k8s.io/v1 StorageClass" -> add(out, m, Rule.API002, StorageClassRules.validate(body), "");
            case "v1 PersistentVolume" -> add(out, m, Rule.API003, PersistentVolumeRules.validate(body), "");
            case "v1 PersistentVolumeClaim" -> add(out, m, Rule.API004, ClaimRules.validate(body), "");
            case "apps/v1 StatefulSet" -> {
                StatefulSetRules.Result r = StatefulSetRules.validate(body);
                add(out, m, Rule.API005, r.set(), "");
                add(out, m, Rule.API006, r.pods(), "the API server accepts the StatefulSet but rejects every Pod its controller creates: ");
                add(out, m, Rule.API007, r.claims(), "the API server accepts the StatefulSet but rejects every claim its controller creates: ");
            }
            case "v1 Service" -> add(out, m, Rule.API008, ServiceRules.validate(body), "");
            case "policy/v1 PodDisruptionBudget" -> add(out, m, Rule.API009, DisruptionBudgetRules.validate(body), "");
            case "apps/v1 Deployment", "apps/v1 ReplicaSet", "apps/v1 DaemonSet", "batch/v1 Job" ->
                    add(out, m, Rule.API010, TemplateRules.workload(body), "");
            case "v1 Pod" -> add(out, m, Rule.API010, TemplateRules.pod(body), "");
            default -> {
                Problems p = Problems.root("ValidateObjectMetaAccessor");
                Meta.objectMeta(p, body.path("metadata"), Meta.NameRule.PATH_SEGMENT);
                add(out, m, Rule.API001, p.list(), "");
            }
        }
    }

    /** Problems of the object's own metadata are API001, the rest {@code rule}'s. */
    private static void add(List<Finding> out, Manifest m, Rule rule, List<Problem> problems, String context) {
        for (Problem problem : problems) {
            boolean metadata = context.isEmpty() && (problem.path().equals("metadata") || problem.path().startsWith("metadata."));
            out.add(Finding.of(metadata ? Rule.API001 : rule, m, context + problem));
        }
    }
}
