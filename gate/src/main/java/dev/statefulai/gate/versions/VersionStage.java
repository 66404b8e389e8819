package dev.statefulai.gate.versions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.kubernetes.ApiLifecycle;
import dev.statefulai.facts.kubernetes.ClusterTarget;
import dev.statefulai.facts.kubernetes.GatedApis;
import dev.statefulai.facts.kubernetes.KubernetesVersion;
import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.schema.ManifestSchemaValidator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "version" stage: what the environment's cluster ({@link Environment#target()}) does not serve, as Pluto
 * reports it and more. An API version the target removed is an error naming its replacement (VER001), one it
 * deprecated a warning (VER002), from the Kubernetes deprecation guide ({@link ApiLifecycle}); a kind the
 * target does not serve yet, or serves only behind a feature gate the cluster leaves off, is an error
 * (VER003), and so is a field such a gate keeps (VER004: the API server would drop it silently). Which
 * release first serves a kind is read from the gate's own schemas of 1.28 to 1.34.
 */
public final class VersionStage implements CheckStage {
    private static final String GUIDE = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";
    private static final Set<String> GATED_LEAVES = GatedApis.fields().stream()
            .map(f -> f.field().substring(f.field().lastIndexOf('.') + 1)).collect(Collectors.toSet());

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        ClusterTarget target = env.target();
        for (Manifest m : env.all()) {
            apiVersion(m, target).ifPresent(out::add);
            gatedFields(m, target, out);
        }
        return out;
    }

    /** VER001-VER003 for the object's apiVersion and kind. */
    private static Optional<Finding> apiVersion(Manifest m, ClusterTarget target) {
        KubernetesVersion version = target.version();
        String api = m.apiVersion() + " " + m.kind();
        Optional<ApiLifecycle.Entry> lifecycle = ApiLifecycle.of(m.apiVersion(), m.kind());
        if (lifecycle.isPresent() && lifecycle.get().removedBy(version)) {
            ApiLifecycle.Entry e = lifecycle.get();
            return Optional.of(Finding.of(Rule.VER001, m, api + " is not served by Kubernetes " + version + ": removed in 1."
                    + e.removedIn() + "; " + e.instead(m.kind()) + " (" + GUIDE + ")"));
        }
        boolean served = ManifestSchemaValidator.forVersion(version).definitionFor(m.apiVersion(), m.kind()) != null;
        if (!served) {
            Optional<KubernetesVersion> first = ManifestSchemaValidator.firstServing(m.apiVersion(), m.kind());
            if (first.isEmpty()) {
                return Optional.empty(); // a custom resource: the schema stage names it
            }
            return Optional.of(first.get().compareTo(version) > 0
                    ? Finding.of(Rule.VER003, m, api + " is not served by Kubernetes " + version + ": it is first in Kubernetes "
                            + first.get() + gateOf(m).map(g -> ", behind the feature gate " + g).orElse(""))
                    : Finding.of(Rule.VER001, m, api + " is not served by Kubernetes " + version + ": it was served from Kubernetes "
                            + first.get() + lastServing(m, version).map(l -> " to " + l).orElse("")));
        }
        Optional<GatedApis.GatedKind> gated = GatedApis.kind(m.apiVersion(), m.kind());
        if (gated.isPresent() && !target.has(gated.get().gate())) {
            return Optional.of(Finding.of(Rule.VER003, m, api + " is served only with the feature gate "
                    + gated.get().gate().gateName() + " on, and " + target.lacks(gated.get().gate()).orElseThrow()));
        }
        if (lifecycle.isPresent() && lifecycle.get().deprecatedBy(version)) {
            ApiLifecycle.Entry e = lifecycle.get();
            return Optional.of(Finding.of(Rule.VER002, m, api + " is deprecated in Kubernetes " + version + " (since 1." + e.deprecatedIn()
                    + ") and no longer served from 1." + e.removedIn() + ": " + e.instead(m.kind()) + " (" + GUIDE + ")"));
        }
        return Optional.empty();
    }

    private static Optional<String> gateOf(Manifest m) {
        return GatedApis.kind(m.apiVersion(), m.kind()).map(k -> k.gate().gateName());
    }

    /** The newest release before {@code version} that still serves the object's kind. */
    private static Optional<KubernetesVersion> lastServing(Manifest m, KubernetesVersion version) {
        KubernetesVersion last = null;
        for (KubernetesVersion v : KubernetesVersion.supported()) {
            if (v.compareTo(version) < 0 && ManifestSchemaValidator.forVersion(v).definitionFor(m.apiVersion(), m.kind()) != null) {
                last = v;
            }
        }
        return Optional.ofNullable(last);
    }

    /** VER004: every field that a feature gate keeps and the target leaves off. */
    private static void gatedFields(Manifest m, ClusterTarget target, List<Finding> out) {
        walk(m.body(), "$", (path, value) -> {
            for (GatedApis.GatedField f : GatedApis.fields()) {
                if (!value.isNull() && f.matches(m.kind(), path) && !target.has(f.gate())) {
                    out.add(Finding.of(Rule.VER004, m, path.substring(2) + ": the API server drops it without the feature gate "
                            + f.gate().gateName() + ", and " + target.lacks(f.gate()).orElseThrow()));
                }
            }
        });
    }

    private interface Leaf {
        void at(String path, JsonNode value);
    }

    /** Calls {@code leaf} with the JSON path of every field named like a gated field's last segment. */
    private static void walk(JsonNode node, String path, Leaf leaf) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "." + e.getKey();
                if (GATED_LEAVES.contains(e.getKey())) {
                    leaf.at(child, e.getValue());
                }
                walk(e.getValue(), child, leaf);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", leaf);
            }
        }
    }
}
