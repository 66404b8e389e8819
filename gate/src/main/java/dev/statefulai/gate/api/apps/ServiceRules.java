package dev.statefulai.gate.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Meta;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problem;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ValidateService} (pkg/apis/core/validation/validation.go, release-1.28) on a Service as created,
 * after {@code SetDefaults_Service} (type ClusterIP, sessionAffinity None, port protocol TCP, targetPort =
 * port, traffic policies Cluster) and the strategy's copy of clusterIP into clusterIPs: a DNS-1035 name,
 * ports (required unless headless, named when more than one, {@code validateServicePort}), type and its
 * rules (no 'None' for NodePort and LoadBalancer, ExternalName's CNAME, no nodePort on ClusterIP),
 * session affinity, cluster IPs ({@code ValidateServiceClusterIPsRelatedFields}), external IPs and the
 * traffic policies.
 */
public final class ServiceRules {
    private static final List<String> TYPES = List.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");
    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    private static final List<String> AFFINITIES = List.of("ClientIP", "None");
    private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
    private static final List<String> IP_FAMILIES = List.of("IPv4", "IPv6");
    private static final List<String> IP_FAMILY_POLICIES = List.of("SingleStack", "PreferDualStack", "RequireDualStack");
    private static final int KUBELET_PORT = 10250;
    private static final int MAX_AFFINITY_SECONDS = 86400;

    private ServiceRules() {
    }

    public static List<Problem> validate(JsonNode svc) {
        Problems p = Problems.root("ValidateService");
        Meta.objectMeta(p, svc.path("metadata"), Meta.NameRule.DNS1035_LABEL);
        Problems s = p.at("spec");
        JsonNode spec = svc.path("spec");
        String type = Values.text(spec, "type");
        type = type == null ? "ClusterIP" : type;
        List<String> clusterIPs = clusterIPs(spec);
        boolean headless = clusterIPs.size() == 1 && clusterIPs.get(0).equals("None");
        List<JsonNode> ports = Values.list(spec, "ports");
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            s.required("ports", "");
        }
        if (!TYPES.contains(type)) {
            s.notSupported("type", type, TYPES);
        }
        typeRules(s, spec, type, headless, clusterIPs, ports);
        ports(s, ports, type);
        Meta.labels(s.at("selector").by("ValidateLabels"), spec.path("selector"));
        affinity(s, spec);
        if (!type.equals("ExternalName")) {
            clusterIPRules(s.by("ValidateServiceClusterIPsRelatedFields"), spec, clusterIPs);
        }
        List<String> external = Values.strings(spec, "externalIPs");
        for (int i = 0; i < external.size(); i++) {
            if (!Names.isIp(external.get(i))) {
                s.invalid("externalIPs[" + i + "]", external.get(i), "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
            }
        }
        trafficPolicies(s, spec, type);
        return p.list();
    }

    /** clusterIPs, or [clusterIP] when only that is given ({@code NormalizeClusterIPs} on create). */
    private static List<String> clusterIPs(JsonNode spec) {
        List<String> ips = Values.strings(spec, "clusterIPs");
        String ip = Values.string(spec, "clusterIP");
        return ips.isEmpty() && !ip.isEmpty() ? List.of(ip) : ips;
    }

    private static void typeRules(Problems s, JsonNode spec, String type, boolean headless, List<String> ips, List<JsonNode> ports) {
        switch (type) {
            case "LoadBalancer" -> {
                for (int i = 0; i < ports.size(); i++) {
                    if (ports.get(i).path("port").asLong() == KUBELET_PORT) {
                        s.invalid("ports[" + i + "]", KUBELET_PORT, "may not expose port 10250 externally since it is used by kubelet");
                    }
                }
                if (headless) {
                    s.invalid("clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services");
                }
            }
            case "NodePort" -> {
                if (headless) {
                    s.invalid("clusterIPs[0]", "None", "may not be set to 'None' for NodePort services");
                }
            }
            case "ExternalName" -> {
                if (!ips.isEmpty()) {
                    s.forbidden("clusterIPs", "may not be set for ExternalName services");
                }
                if (!Values.strings(spec, "ipFamilies").isEmpty()) {
                    s.forbidden("ipFamilies", "may not be set for ExternalName services");
                }
                if (!Values.absent(spec, "ipFamilyPolicy")) {
                    s.forbidden("ipFamilyPolicy", "may not be set for ExternalName services");
                }
                String cname = Values.string(spec, "externalName").replaceFirst("\\.$", "");
                if (cname.isEmpty()) {
                    s.required("externalName", "");
                } else {
                    s.invalidEach("externalName", cname, Names.dns1123Subdomain(cname));
                }
            }
            default -> {
                // ClusterIP: nodePort is checked with the ports
            }
        }
        boolean lb = type.equals("LoadBalancer");
        if (!lb && !Values.strings(spec, "loadBalancerSourceRanges").isEmpty()) {
            s.forbidden("LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'");
        }
        if (!lb && !Values.absent(spec, "allocateLoadBalancerNodePorts")) {
            s.forbidden("allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'");
        }
        if (!lb && !Values.absent(spec, "loadBalancerClass")) {
            s.by("validateLoadBalancerClassField").invalid("loadBalancerClass", Values.string(spec, "loadBalancerClass"),
                    "may only be used when `type` is 'LoadBalancer'");
        }
    }

    private static void ports(Problems s, List<JsonNode> ports, String type) {
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> nodePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            Problems q = s.at("ports", i).by("validateServicePort");
            JsonNode port = ports.get(i);
            String name = Values.string(port, "name");
            if (ports.size() > 1 && name.isEmpty()) {
                q.required("name", "");
            } else if (!name.isEmpty()) {
                q.invalidEach("name", name, Names.dns1123Label(name));
                if (!names.add(name)) {
                    q.duplicate("name", name);
                }
            }
            Long number = Values.int32(q, port, "port");
            if (number != null || Values.absent(port, "port")) {
                q.invalidEach("port", number == null ? 0 : number, Names.portNumber(number == null ? 0 : number));
            }
            String protocol = Values.text(port, "protocol");
            protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
            if (!PROTOCOLS.contains(protocol)) {
                q.notSupported("protocol", protocol, PROTOCOLS);
            }
            Object target = Values.intOrString(q, port, "targetPort");
            if (target instanceof Integer n && n != 0) {
                q.by("ValidatePortNumOrName").invalidEach("targetPort", n, Names.portNumber(n));
            } else if (target instanceof String t && !t.isEmpty()) {
                q.by("ValidatePortNumOrName").invalidEach("targetPort", t, Names.portName(t));
            }
            String appProtocol = Values.text(port, "appProtocol");
            if (appProtocol != null) {
                q.invalidEach("appProtocol", appProtocol, Names.qualifiedName(appProtocol));
            }
            Long nodePort = Values.int32(q, port, "nodePort");
            if (nodePort != null && nodePort != 0) {
                if (type.equals("ClusterIP")) {
                    s.at("ports", i).forbidden("nodePort", "may not be used when `type` is 'ClusterIP'");
                }
                if (!nodePorts.add(protocol + "/" + nodePort)) {
                    s.at("ports", i).duplicate("nodePort", nodePort);
                }
            }
            if (number != null && !keys.add(protocol + "/" + number)) {
                s.duplicate("ports[" + i + "]", "{" + protocol + " " + number + "}");
            }
        }
    }

    private static void affinity(Problems s, JsonNode spec) {
        String affinity = Values.text(spec, "sessionAffinity");
        affinity = affinity == null || affinity.isEmpty() ? "None" : affinity;
        if (!AFFINITIES.contains(affinity)) {
            s.notSupported("sessionAffinity", affinity, AFFINITIES);
        } else if (affinity.equals("ClientIP")) {
            JsonNode clientIP = spec.path("sessionAffinityConfig").path("clientIP");
            Long timeout = Values.int32(s, clientIP, "timeoutSeconds");
            if (timeout != null && (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS)) {
                s.by("validateAffinityTimeout").invalid("sessionAffinityConfig.clientIP.timeoutSeconds", timeout,
                        "must be greater than 0 and less than 86400");
            }
        }
    }

    private static void clusterIPRules(Problems s, JsonNode spec, List<String> ips) {
        String ip = Values.string(spec, "clusterIP");
        List<String> declared = Values.strings(spec, "clusterIPs");
        if (!ip.isEmpty() && !declared.isEmpty() && !declared.get(0).equals(ip)) {
            s.invalid("clusterIPs", String.join(",", declared), "first value must match `clusterIP`");
        } else if (ip.isEmpty() && !declared.isEmpty()) {
            s.invalid("clusterIPs", String.join(",", declared), "must be empty when `clusterIP` is not specified");
        }
        List<String> families = Values.strings(spec, "ipFamilies");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            if (!IP_FAMILIES.contains(families.get(i))) {
                s.notSupported("ipFamilies[" + i + "]", families.get(i), IP_FAMILIES);
            }
            if (!seen.add(families.get(i))) {
                s.duplicate("ipFamilies[" + i + "]", families.get(i));
            }
        }
        String policy = Values.text(spec, "ipFamilyPolicy");
        if (policy != null && !IP_FAMILY_POLICIES.contains(policy)) {
            s.notSupported("ipFamilyPolicy", policy, IP_FAMILY_POLICIES);
        }
        for (int i = 0; i < ips.size(); i++) {
            if (i == 0 && ips.get(i).equals("None")) {
                if (ips.size() > 1) {
                    s.invalid("clusterIPs", String.join(",", ips), "'None' must be the first and only value");
                }
                continue;
            }
            if (!Names.isIp(ips.get(i))) {
                s.invalid("clusterIPs[" + i + "]", ips.get(i), "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
            }
        }
        if (ips.size() > 2) {
            s.invalid("clusterIPs", String.join(",", ips), "may only hold up to 2 values");
        }
    }

    private static void trafficPolicies(Problems s, JsonNode spec, String type) {
        boolean external = type.equals("NodePort") || type.equals("LoadBalancer");
        String etp = Values.text(spec, "externalTrafficPolicy");
        Problems t = s.by("validateServiceExternalTrafficPolicy");
        if (!external && etp != null && !etp.isEmpty()) {
            t.invalid("externalTrafficPolicy", etp, "may only be set when `type` is 'NodePort' or 'LoadBalancer'");
        } else if (external && etp != null && !etp.isEmpty() && !TRAFFIC_POLICIES.contains(etp)) {
            t.notSupported("externalTrafficPolicy", etp, TRAFFIC_POLICIES);
        }
        String itp = Values.text(spec, "internalTrafficPolicy");
        if (itp != null && !TRAFFIC_POLICIES.contains(itp)) {
            s.by("validateServiceInternalTrafficFieldsValue").notSupported("internalTrafficPolicy", itp, TRAFFIC_POLICIES);
        }
    }
}
