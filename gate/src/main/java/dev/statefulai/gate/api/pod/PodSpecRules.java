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
 * {@code ValidatePodSpec} and the create-only rules of {@code ValidatePodCreate}
 * (pkg/apis/core/validation/validation.go, release-1.28), on a pod spec after the API server's defaults
 * ({@code SetDefaults_PodSpec}, {@code SetDefaults_Container}, {@code SetDefaults_Pod}). Init containers
 * may not have probes or lifecycle hooks: {@code restartPolicy: Always} on an init container (sidecars)
 * is behind the SidecarContainers gate, alpha and off in 1.28, so the API server drops it.
 */
public final class PodSpecRules {
    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
    private static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");
    private static final List<String> OS_NAMES = List.of("linux", "windows");

    private PodSpecRules() {
    }

    /**
     * Validates a pod spec as the Pod it becomes; {@code p} is at the spec.
     *
     * @param claims volumes the StatefulSet controller adds for its claim templates (name to claim name), or empty
     */
    public static void validate(Problems p, JsonNode spec, Map<String, String> claims) {
        Problems s = p.by("ValidatePodSpec");
        Map<String, String> volumes = PodVolumeRules.volumes(s, spec, claims);
        containers(s, spec, volumes);
        String restart = Values.text(spec, "restartPolicy");
        if (restart != null && !restart.isEmpty() && !RESTART_POLICIES.contains(restart)) {
            s.by("validateRestartPolicy").notSupported("restartPolicy", restart, RESTART_POLICIES);
        }
        String dns = Values.text(spec, "dnsPolicy");
        if (dns != null && !dns.isEmpty() && !DNS_POLICIES.contains(dns)) {
            s.by("validateDNSPolicy").notSupported("dnsPolicy", dns, DNS_POLICIES);
        }
        dnsConfig(s.by("validatePodDNSConfig"), spec, dns);
        JsonNode security = Values.object(spec, "securityContext");
        if (security != null) {
            SecurityRules.pod(s.at("securityContext").by("validatePodSpecSecurityContext"), security);
        }
        hostNetworkPorts(s.by("validatePodHostNetworkDeps"), spec);
        SchedulingRules.validate(s, spec);
        names(s, spec);
        Long deadline = Values.int64(s, spec, "activeDeadlineSeconds");
        if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
            s.invalid("activeDeadlineSeconds", deadline, "must be between 1 and 2147483647, inclusive");
        }
        Values.int64(s, spec, "terminationGracePeriodSeconds");
        String preemption = Values.text(spec, "preemptionPolicy");
        if (preemption != null && !PREEMPTION_POLICIES.contains(preemption)) {
            s.by("ValidatePreemptionPolicy").notSupported("preemptionPolicy", preemption, PREEMPTION_POLICIES);
        }
        JsonNode os = Values.object(spec, "os");
        if (os != null) {
            String name = Values.string(os, "name");
            if (name.isEmpty()) {
                s.by("validateOS").required("os.name", "cannot be empty");
            } else if (!OS_NAMES.contains(name)) {
                s.by("validateOS").notSupported("os", name, OS_NAMES);
            }
        }
        if (!Values.list(spec, "ephemeralContainers").isEmpty()) {
            s.by("ValidatePodCreate").forbidden("ephemeralContainers", "cannot be set on create");
        }
    }

    private static void containers(Problems s, JsonNode spec, Map<String, String> volumes) {
        List<JsonNode> containers = Values.list(spec, "containers");
        Problems regular = s.by("validateContainers");
        if (containers.isEmpty()) {
            regular.required("containers", "");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            JsonNode container = containers.get(i);
            Problems c = common(regular.at("containers", i), container, volumes, names);
            probes(c, container);
            if (!Values.absent(container, "restartPolicy")) {
                c.forbidden("restartPolicy", "may not be set for non-init containers");
            }
        }
        hostPorts(regular, "containers", containers);
        List<JsonNode> inits = Values.list(spec, "initContainers");
        Problems init = s.by("validateInitContainers");
        for (int i = 0; i < inits.size(); i++) {
            JsonNode container = inits.get(i);
            Problems c = common(init.at("initContainers", i), container, volumes, names);
            hostPorts(init, "initContainers[" + i + "]", List.of(container));
            for (String field : List.of("lifecycle", "livenessProbe", "readinessProbe", "startupProbe")) {
                if (!Values.absent(container, field)) {
                    c.forbidden(field, "may not be set for init containers (sidecar containers with restartPolicy=Always"
                            + " need the SidecarContainers feature gate, off in Kubernetes 1.28)");
                }
            }
        }
    }

    /** The rules of every container, and a name unique among the pod's containers ({@code names} so far); returns {@code c}. */
    private static Problems common(Problems c, JsonNode container, Map<String, String> volumes, Set<String> names) {
        ContainerRules.common(c, container, volumes);
        if (!names.add(Values.string(container, "name"))) {
            c.duplicate("name", Values.string(container, "name"));
        }
        return c;
    }

    private static void probes(Problems c, JsonNode container) {
        Values.ifObject(c, container, "lifecycle", ProbeRules::lifecycle);
        Values.ifObject(c, container, "livenessProbe", (at, probe) -> ProbeRules.livenessOrStartup(at, probe, "validateLivenessProbe"));
        Values.ifObject(c, container, "readinessProbe", ProbeRules::readiness);
        Values.ifObject(c, container, "startupProbe", (at, probe) -> ProbeRules.livenessOrStartup(at, probe, "validateStartupProbe"));
    }

    /** {@code checkHostPortConflicts}: a protocol, host IP and host port once. */
    private static void hostPorts(Problems p, String path, List<JsonNode> containers) {
        Set<String> seen = new HashSet<>();
        for (int ci = 0; ci < containers.size(); ci++) {
            List<JsonNode> ports = Values.list(containers.get(ci), "ports");
            for (int pi = 0; pi < ports.size(); pi++) {
                JsonNode port = ports.get(pi);
                long hostPort = port.path("hostPort").asLong(0);
                if (hostPort == 0) {
                    continue;
                }
                String key = Values.string(port, "protocol").replaceFirst("^$", "TCP") + "/" + Values.string(port, "hostIP") + "/" + hostPort;
                if (!seen.add(key)) {
                    String at = containers.size() == 1 && path.endsWith("]") ? path : path + "[" + ci + "]";
                    p.by("AccumulateUniqueHostPorts").duplicate(at + ".ports[" + pi + "].hostPort", key);
                }
            }
        }
    }

    private static void hostNetworkPorts(Problems p, JsonNode spec) {
        if (!Boolean.TRUE.equals(Values.bool(spec, "hostNetwork"))) {
            return;
        }
        List<JsonNode> containers = Values.list(spec, "containers");
        for (int i = 0; i < containers.size(); i++) {
            List<JsonNode> ports = Values.list(containers.get(i), "ports");
            for (int j = 0; j < ports.size(); j++) {
                long host = ports.get(j).path("hostPort").asLong(0);
                long container = ports.get(j).path("containerPort").asLong(0);
                if (host != 0 && host != container) {
                    p.invalid("containers[" + i + "].ports[" + j + "].hostPort", host, "must match `containerPort` when `hostNetwork` is true");
                }
            }
        }
    }

    private static void dnsConfig(Problems p, JsonNode spec, String dnsPolicy) {
        JsonNode config = Values.object(spec, "dnsConfig");
        if ("None".equals(dnsPolicy)) {
            if (config == null) {
                p.required("dnsConfig", "must provide `dnsConfig` when `dnsPolicy` is None");
                return;
            }
            if (Values.strings(config, "nameservers").isEmpty()) {
                p.required("dnsConfig.nameservers", "must provide at least one DNS nameserver when `dnsPolicy` is None");
                return;
            }
        }
        if (config == null) {
            return;
        }
        Problems c = p.at("dnsConfig");
        List<String> servers = Values.strings(config, "nameservers");
        if (servers.size() > 3) {
            c.invalid("nameservers", String.join(",", servers), "must not have more than 3 nameservers");
        }
        for (int i = 0; i < servers.size(); i++) {
            if (!Names.isIp(servers.get(i))) {
                c.invalid("nameservers[" + i + "]", servers.get(i), "must be valid IP address");
            }
        }
        List<String> searches = Values.strings(config, "searches");
        if (searches.size() > 32) {
            c.invalid("searches", searches.size() + " entries", "must not have more than 32 search paths");
        }
        if (String.join(" ", searches).length() > 2048) {
            c.invalid("searches", "", "must not have more than 2048 characters (including spaces) in the search list");
        }
        for (int i = 0; i < searches.size(); i++) {
            String search = searches.get(i).endsWith(".") ? searches.get(i).substring(0, searches.get(i).length() - 1) : searches.get(i);
            c.invalidEach("searches[" + i + "]", search, Names.dns1123Subdomain(search));
        }
        List<JsonNode> options = Values.list(config, "options");
        for (int i = 0; i < options.size(); i++) {
            if (Values.string(options.get(i), "name").isEmpty()) {
                c.required("options[" + i + "]", "must not be empty");
            }
        }
    }

    /** The names a pod spec refers to: service account, node, host, subdomain, classes, host aliases, gates. */
    private static void names(Problems s, JsonNode spec) {
        for (String field : List.of("serviceAccountName", "nodeName", "priorityClassName", "runtimeClassName")) {
            String value = Values.string(spec, field);
            if (!value.isEmpty()) {
                s.invalidEach(field, value, Names.dns1123Subdomain(value));
            }
        }
        for (String field : List.of("hostname", "subdomain")) {
            String value = Values.string(spec, field);
            if (!value.isEmpty()) {
                s.invalidEach(field, value, Names.dns1123Label(value));
            }
        }
        List<JsonNode> aliases = Values.list(spec, "hostAliases");
        for (JsonNode alias : aliases) {
            String ip = Values.string(alias, "ip");
            if (!Names.isIp(ip)) {
                s.by("ValidateHostAliases").invalid("hostAliases.ip", ip, "must be valid IP address");
            }
            for (String host : Values.strings(alias, "hostnames")) {
                s.by("ValidateHostAliases").invalidEach("hostAliases.hostnames", host, Names.dns1123Subdomain(host));
            }
        }
        List<JsonNode> gates = Values.list(spec, "readinessGates");
        for (int i = 0; i < gates.size(); i++) {
            String type = Values.string(gates.get(i), "conditionType");
            s.by("validateReadinessGates").invalidEach("readinessGates[" + i + "].conditionType", type, Names.qualifiedName(type));
        }
        List<JsonNode> scheduling = Values.list(spec, "schedulingGates");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scheduling.size(); i++) {
            String name = Values.string(scheduling.get(i), "name");
            s.by("validateSchedulingGates").invalidEach("schedulingGates[" + i + "]", name, Names.qualifiedName(name));
            if (!seen.add(name)) {
                s.by("validateSchedulingGates").duplicate("schedulingGates[" + i + "]", name);
            }
        }
    }
}
