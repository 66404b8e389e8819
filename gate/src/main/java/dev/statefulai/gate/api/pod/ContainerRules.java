package dev.statefulai.gate.api.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One container of a Pod, as {@code validateContainerCommon} and the functions it calls check it
 * (pkg/apis/core/validation/validation.go, release-1.28): name, image (and {@code validateContainerOnlyForPod}:
 * no surrounding whitespace), termination message policy, ports ({@code validateContainerPorts}), env
 * ({@code ValidateEnv}, {@code validateEnvVarValueFrom}), envFrom ({@code ValidateEnvFrom}), mounts and devices,
 * pull policy, resources ({@code ValidateResourceRequirements}) and security context. {@code resizePolicy} is
 * dropped before validation in 1.28 (InPlacePodVerticalScaling gate, alpha, off), so it is not checked.
 */
final class ContainerRules {
    private static final List<String> MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    /** {@code validatePullPolicy}: the pull policies of a container and, from 1.31, of an image volume. */
    static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    private static final List<String> FIELD_PATHS = List.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs");
    private static final List<String> RESOURCE_FIELDS = List.of("limits.cpu", "limits.memory", "limits.ephemeral-storage",
            "requests.cpu", "requests.memory", "requests.ephemeral-storage");

    private ContainerRules() {
    }

    /** {@code validateContainerCommon} plus {@code validateContainerOnlyForPod}; {@code p} is at the container. */
    static void common(Problems p, JsonNode c, Map<String, String> volumes) {
        Problems q = p.by("validateContainerCommon");
        Values.required(q, c, "name", Names::dns1123Label);
        String image = Values.required(q, c, "image");
        if (!image.isEmpty() && !image.equals(image.strip())) {
            q.by("validateContainerOnlyForPod").invalid("image", image, "must not have leading or trailing whitespace");
        }
        String messagePolicy = Values.text(c, "terminationMessagePolicy");
        if (messagePolicy != null && !messagePolicy.isEmpty() && !MESSAGE_POLICIES.contains(messagePolicy)) {
            q.notSupported("terminationMessagePolicy", messagePolicy, MESSAGE_POLICIES);
        }
        ports(q.by("validateContainerPorts"), Values.list(c, "ports"));
        env(q.by("ValidateEnv"), Values.list(c, "env"));
        envFrom(q.by("ValidateEnvFrom"), Values.list(c, "envFrom"));
        PodVolumeRules.mounts(q, c, volumes);
        String pull = Values.text(c, "imagePullPolicy");
        if (pull != null && !pull.isEmpty() && !PULL_POLICIES.contains(pull)) {
            q.by("validatePullPolicy").notSupported("imagePullPolicy", pull, PULL_POLICIES);
        }
        ResourceRules.requirements(q.at("resources").by("ValidateResourceRequirements"), c.path("resources"));
        JsonNode security = Values.object(c, "securityContext");
        if (security != null) {
            SecurityRules.container(q.at("securityContext").by("ValidateSecurityContext"), security);
        }
    }

    private static void ports(Problems p, List<JsonNode> ports) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            Problems q = p.at("ports", i);
            JsonNode port = ports.get(i);
            String name = Values.string(port, "name");
            if (!name.isEmpty()) {
                List<String> errs = Names.portName(name);
                if (!errs.isEmpty()) {
                    q.invalidEach("name", name, errs);
                } else if (!names.add(name)) {
                    q.duplicate("name", name);
                }
            }
            Long containerPort = Values.int32(q, port, "containerPort");
            if (containerPort == null || containerPort == 0) {
                if (Values.absent(port, "containerPort") || containerPort != null) {
                    q.required("containerPort", "");
                }
            } else {
                q.invalidEach("containerPort", containerPort, Names.portNumber(containerPort));
            }
            Long hostPort = Values.int32(q, port, "hostPort");
            if (hostPort != null && hostPort != 0) {
                q.invalidEach("hostPort", hostPort, Names.portNumber(hostPort));
            }
            String protocol = Values.text(port, "protocol");
            if (protocol != null && !PROTOCOLS.contains(protocol)) {
                q.notSupported("protocol", protocol, PROTOCOLS);
            }
        }
    }

    private static void env(Problems p, List<JsonNode> vars) {
        for (int i = 0; i < vars.size(); i++) {
            Problems q = p.at("env", i);
            JsonNode v = vars.get(i);
            Values.required(q, v, "name", Names::envVarName);
            JsonNode from = Values.object(v, "valueFrom");
            if (from != null) {
                valueFrom(q.at("valueFrom").by("validateEnvVarValueFrom"), from, !Values.string(v, "value").isEmpty());
            }
        }
    }

    private static void valueFrom(Problems p, JsonNode from, boolean hasValue) {
        int sources = 0;
        JsonNode field = Values.object(from, "fieldRef");
        if (field != null) {
            sources++;
            fieldRef(p.at("fieldRef").by("validateObjectFieldSelector"), field);
        }
        JsonNode resource = Values.object(from, "resourceFieldRef");
        if (resource != null) {
            sources++;
            String name = Values.string(resource, "resource");
            if (name.isEmpty()) {
                p.at("resourceFieldRef").required("resource", "");
            } else if (!RESOURCE_FIELDS.contains(name) && !name.startsWith("requests.hugepages-") && !name.startsWith("limits.hugepages-")) {
                p.at("resourceFieldRef").by("validateContainerResourceFieldSelector").notSupported("resource", name, RESOURCE_FIELDS);
            }
        }
        for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
            JsonNode selector = Values.object(from, ref);
            if (selector != null) {
                sources++;
                keySelector(p.at(ref).by(ref.equals("secretKeyRef") ? "validateSecretKeySelector" : "validateConfigMapKeySelector"), selector);
            }
        }
        if (sources == 0) {
            p.invalid("", "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        } else if (hasValue) {
            p.invalid("", "", "may not be specified when `value` is not empty");
        } else if (sources > 1) {
            p.invalid("", "", "may not have more than one field specified at a time");
        }
    }

    private static void fieldRef(Problems p, JsonNode ref) {
        // apiVersion is defaulted to v1 (SetDefaults_ObjectFieldSelector)
        String path = Values.string(ref, "fieldPath");
        if (path.isEmpty()) {
            p.required("fieldPath", "");
            return;
        }
        int bracket = path.indexOf('[');
        if (bracket > 0 && path.endsWith("]")) {
            String base = path.substring(0, bracket);
            String key = path.substring(bracket + 1, path.length() - 1).replaceAll("^'|'$", "");
            if (base.equals("metadata.annotations")) {
                p.invalidEach("", key, Names.qualifiedName(key.toLowerCase(java.util.Locale.ROOT)));
            } else if (base.equals("metadata.labels")) {
                p.invalidEach("", key, Names.qualifiedName(key));
            } else {
                p.invalid("", base, "does not support subscript");
            }
        } else if (!FIELD_PATHS.contains(path)) {
            p.notSupported("fieldPath", path, FIELD_PATHS);
        }
    }

    private static void keySelector(Problems p, JsonNode selector) {
        String name = Values.string(selector, "name");
        p.invalidEach("name", name, Names.dns1123Subdomain(name));
        Values.required(p, selector, "key", Names::configMapKey);
    }

    private static void envFrom(Problems p, List<JsonNode> sources) {
        for (int i = 0; i < sources.size(); i++) {
            Problems q = p.at("envFrom", i);
            JsonNode s = sources.get(i);
            String prefix = Values.string(s, "prefix");
            if (!prefix.isEmpty()) {
                q.invalidEach("prefix", prefix, Names.envVarName(prefix));
            }
            int count = 0;
            for (String ref : List.of("configMapRef", "secretRef")) {
                JsonNode r = Values.object(s, ref);
                if (r != null) {
                    count++;
                    String name = Values.string(r, "name");
                    if (name.isEmpty()) {
                        q.at(ref).required("name", "");
                    } else {
                        q.at(ref).invalidEach("name", name, Names.dns1123Subdomain(name.endsWith("-") && name.length() > 1
                                ? name.substring(0, name.length() - 1) + "a" : name));
                    }
                }
            }
            if (count == 0) {
                p.invalid("envFrom", "", "must specify one of: `configMapRef` or `secretRef`");
            } else if (count > 1) {
                p.invalid("envFrom", "", "may not have more than one field specified at a time");
            }
        }
    }
}
