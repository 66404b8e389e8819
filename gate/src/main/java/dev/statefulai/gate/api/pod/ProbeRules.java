package dev.statefulai.gate.api.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.util.List;

/**
 * Probes and lifecycle handlers (pkg/apis/core/validation/validation.go, release-1.28): {@code validateProbe},
 * {@code validateLivenessProbe}, {@code validateReadinessProbe}, {@code validateStartupProbe},
 * {@code validateHandler}, {@code validateHTTPGetAction}, {@code ValidatePortNumOrName}, {@code validateLifecycle}.
 * Zero counts and an empty HTTP path or scheme are defaulted first ({@code SetDefaults_Probe},
 * {@code SetDefaults_HTTPGetAction}) and pass.
 */
final class ProbeRules {
    private static final List<String> SCHEMES = List.of("HTTP", "HTTPS");

    private ProbeRules() {
    }

    /** A liveness or startup probe: a probe whose successThreshold is 1. */
    static void livenessOrStartup(Problems p, JsonNode probe, String function) {
        Problems q = p.by(function);
        probe(q, probe);
        Long success = Values.int32(q, probe, "successThreshold");
        if (success != null && success != 0 && success != 1) {
            q.invalid("successThreshold", success, "must be 1");
        }
    }

    static void readiness(Problems p, JsonNode probe) {
        Problems q = p.by("validateReadinessProbe");
        probe(q, probe);
        if (!Values.absent(probe, "terminationGracePeriodSeconds")) {
            q.invalid("terminationGracePeriodSeconds", probe.get("terminationGracePeriodSeconds").asText(),
                    "must not be set for readinessProbes");
        }
    }

    private static void probe(Problems p, JsonNode probe) {
        Problems q = p.by("validateProbe");
        handler(q, probe, true);
        for (String field : List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold")) {
            Long v = Values.int32(q, probe, field);
            if (v != null && v < 0) {
                q.invalid(field, v, "must be greater than or equal to 0");
            }
        }
        Long grace = Values.int64(q, probe, "terminationGracePeriodSeconds");
        if (grace != null && grace <= 0) {
            q.invalid("terminationGracePeriodSeconds", grace, "must be greater than 0");
        }
    }

    /** {@code validateHandler}: exactly one of exec, httpGet, tcpSocket (and grpc for probes). */
    static void handler(Problems p, JsonNode handler, boolean probe) {
        Problems h = p.by("validateHandler");
        List<String> kinds = probe ? List.of("exec", "httpGet", "tcpSocket", "grpc") : List.of("exec", "httpGet", "tcpSocket");
        String first = Values.atMostOne(h, handler, kinds, "handler type", (kind, action) -> action(h.at(kind), kind, action));
        if (first == null) {
            h.required("", "must specify a handler type (" + String.join(", ", kinds) + ")");
        }
    }

    private static void action(Problems a, String kind, JsonNode action) {
        switch (kind) {
            case "exec" -> {
                if (Values.strings(action, "command").isEmpty()) {
                    a.by("validateExecAction").required("command", "");
                }
            }
            case "httpGet" -> httpGet(a.by("validateHTTPGetAction"), action);
            case "tcpSocket" -> portNumOrName(a.by("validateTCPSocketAction"), action, "port");
            default -> {
                Long port = Values.int32(a, action, "port");
                if (port != null) {
                    a.by("validateGRPCAction").invalidEach("port", port, Names.portNumber(port));
                }
            }
        }
    }

    private static void httpGet(Problems p, JsonNode action) {
        portNumOrName(p, action, "port");
        String scheme = Values.text(action, "scheme");
        if (scheme != null && !scheme.isEmpty() && !SCHEMES.contains(scheme)) {
            p.notSupported("scheme", scheme, SCHEMES);
        }
        List<JsonNode> headers = Values.list(action, "httpHeaders");
        for (JsonNode header : headers) {
            String name = Values.string(header, "name");
            p.invalidEach("httpHeaders", name, Names.httpHeaderName(name));
        }
    }

    /** {@code ValidatePortNumOrName}: a port number from 1 to 65535 or an IANA port name. */
    static void portNumOrName(Problems p, JsonNode node, String field) {
        Object port = Values.intOrString(p, node, field);
        Problems q = p.by("ValidatePortNumOrName");
        if (port instanceof Integer n) {
            q.invalidEach(field, n, Names.portNumber(n));
        } else if (port instanceof String s) {
            q.invalidEach(field, s, Names.portName(s));
        } else if (Values.absent(node, field)) {
            q.invalidEach(field, 0, Names.portNumber(0));
        }
    }

    /** {@code validateLifecycle}: postStart and preStop handlers. */
    static void lifecycle(Problems p, JsonNode lifecycle) {
        for (String hook : List.of("postStart", "preStop")) {
            JsonNode handler = Values.object(lifecycle, hook);
            if (handler != null) {
                handler(p.at(hook).by("validateLifecycle"), handler, false);
            }
        }
    }
}
