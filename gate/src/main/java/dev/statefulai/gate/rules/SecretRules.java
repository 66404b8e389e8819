package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.Credentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets in dist/: a credential in a plain env value (SEC001, the constructs' own rule:
 * {@link Credentials}), a Secret that carries its values (SEC002), and an env name listed twice in one
 * container (SEC003). {@code Container.env} is a list keyed by name ({@code patchMergeKey=name} in
 * k8s.io/api core/v1 types.go, read by server-side apply as the list's map key: kube-openapi
 * pkg/schemaconv/smd.go, getListElementRelationship), so server-side apply refuses two entries of one name.
 *
 * <p>A Secret without values (a service account token Secret, which the token controller fills, or a
 * placeholder filled in the cluster) puts nothing secret in git and is not reported.
 */
public final class SecretRules implements CheckStage {
    private static final String FROM_A_SECRET = "read it from a Secret (valueFrom.secretKeyRef or envFrom.secretRef)";

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Manifest m : env.all()) {
            if (m.is("Secret") && m.apiVersion().equals("v1")) {
                secretValues(m, "data", out);
                secretValues(m, "stringData", out);
            }
            JsonNode pod = podSpec(m);
            if (pod != null) {
                for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
                    pod.path(list).forEach(c -> container(m, c, out));
                }
            }
        }
        return out;
    }

    private static void container(Manifest m, JsonNode container, List<Finding> out) {
        String name = container.path("name").asText();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (JsonNode var : container.path("env")) {
            String varName = var.path("name").asText();
            count.merge(varName, 1, Integer::sum);
            JsonNode value = var.path("value");
            String why = value.isValueNode() && !value.isNull() ? Credentials.inEnv(varName, value.asText()) : null;
            if (why != null) {
                out.add(Finding.of(Rule.SEC001, m, "container " + name + ": env " + varName + " holds a credential in plain text ("
                        + why + "): every reader of the repository can read it; " + FROM_A_SECRET));
            }
        }
        count.forEach((varName, times) -> {
            if (times > 1) {
                out.add(Finding.of(Rule.SEC003, m, "container " + name + " lists env " + varName + " " + times + " times: env is a"
                        + " list keyed by name, so server-side apply refuses the object (and kubectl apply keeps only the last); keep one"));
            }
        });
    }

    private static void secretValues(Manifest secret, String field, List<Finding> out) {
        List<String> keys = new ArrayList<>();
        secret.body().path(field).fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && !e.getValue().asText().isEmpty()) {
                keys.add(e.getKey());
            }
        });
        if (!keys.isEmpty()) {
            out.add(Finding.of(Rule.SEC002, secret, "holds " + keys.size() + " value(s) in " + field + " (" + String.join(", ", keys)
                    + "): base64 is an encoding, not encryption, so every reader of the repository can read them; create the"
                    + " Secret in the cluster (kubectl, External Secrets, Sealed Secrets or SOPS) and keep only references to it in dist/"));
        }
    }

    /** The pod spec of a Pod, a PodTemplate or a workload's pod template; null for other kinds. */
    private static JsonNode podSpec(Manifest m) {
        JsonNode spec = switch (m.kind()) {
            case "Pod" -> m.spec();
            case "PodTemplate" -> m.body().path("template").path("spec");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
                    m.spec().path("template").path("spec");
            case "CronJob" -> m.spec().path("jobTemplate").path("spec").path("template").path("spec");
            default -> null;
        };
        return spec == null || spec.isMissingNode() ? null : spec;
    }
}
