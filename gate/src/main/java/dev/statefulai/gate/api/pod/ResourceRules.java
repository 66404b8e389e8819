package dev.statefulai.gate.api.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ValidateResourceRequirements} (pkg/apis/core/validation/validation.go, release-1.28) on a Pod's
 * container, after {@code SetDefaults_Pod} has copied each limit without a request into the requests:
 * resource names ({@code validateContainerResourceName}), quantities that decode and are not negative,
 * whole numbers for extended resources ({@code ValidateResourceQuantityValue}), requests at most the
 * limits, and equal to them for resources that cannot be overcommitted (extended resources, hugepages).
 * The helpers ({@code IsNativeResource}, {@code IsExtendedResourceName}, {@code IsOvercommitAllowed}) are in
 * pkg/apis/core/helper/helpers.go.
 */
final class ResourceRules {
    private static final Set<String> STANDARD_CONTAINER = Set.of("cpu", "memory", "ephemeral-storage");

    private ResourceRules() {
    }

    /** {@code p} is at the container's {@code resources}. */
    static void requirements(Problems p, JsonNode resources) {
        Map<String, BigDecimal> limits = quantities(p.at("limits"), resources.path("limits"));
        Map<String, BigDecimal> requests = quantities(p.at("requests"), resources.path("requests"));
        limits.forEach(requests::putIfAbsent); // SetDefaults_Pod: requests default to limits
        boolean cpuOrMemory = false;
        boolean hugePages = false;
        for (Map.Entry<String, BigDecimal> e : limits.entrySet()) {
            cpuOrMemory |= isCpuOrMemory(e.getKey());
            hugePages |= e.getKey().startsWith("hugepages-");
        }
        for (Map.Entry<String, BigDecimal> e : requests.entrySet()) {
            String name = e.getKey();
            BigDecimal request = e.getValue();
            BigDecimal limit = limits.get(name);
            if (limit != null) {
                if (request.compareTo(limit) != 0 && !overcommitAllowed(name)) {
                    p.invalid("requests", plain(request), "must be equal to " + name + " limit of " + plain(limit));
                } else if (request.compareTo(limit) > 0) {
                    p.invalid("requests", plain(request), "must be less than or equal to " + name + " limit of " + plain(limit));
                }
            } else if (!overcommitAllowed(name)) {
                p.required("limits", "Limit must be set for non overcommitable resources (" + name + ")");
            }
            cpuOrMemory |= isCpuOrMemory(name);
            hugePages |= name.startsWith("hugepages-");
        }
        if (hugePages && !cpuOrMemory) {
            p.forbidden("", "HugePages require cpu or memory");
        }
    }

    private static boolean isCpuOrMemory(String name) {
        return name.equals("cpu") || name.equals("memory");
    }

    /** Reads and checks one resource list; returns the quantities that decoded, by resource name. */
    private static Map<String, BigDecimal> quantities(Problems p, JsonNode list) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (!list.isObject()) {
            return out;
        }
        list.fieldNames().forEachRemaining(name -> {
            Problems at = p.at("[" + name + "]");
            resourceName(at.by("validateContainerResourceName"), name);
            BigDecimal value = Values.quantity(p, list, name);
            if (value == null) {
                return;
            }
            Problems v = at.by("ValidateResourceQuantityValue");
            if (value.signum() < 0) {
                v.invalid("", plain(value), "must be greater than or equal to 0");
            }
            if (extended(name) && value.stripTrailingZeros().scale() > 0) {
                v.invalid("", plain(value), "must be an integer");
            }
            out.put(name, value);
        });
        return out;
    }

    private static void resourceName(Problems p, String name) {
        List<String> errs = Names.qualifiedName(name);
        if (!errs.isEmpty()) {
            p.invalidEach("", name, errs);
            return;
        }
        if (!name.contains("/")) {
            if (!STANDARD_CONTAINER.contains(name) && !name.startsWith("hugepages-")) {
                p.invalid("", name, "must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>)");
            }
        } else if (!native_(name) && !extended(name)) {
            p.invalid("", name, "doesn't follow extended resource name standard");
        }
    }

    /** {@code IsNativeResource}: no domain, or in kubernetes.io. */
    private static boolean native_(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    /** {@code IsExtendedResourceName}: a domain-prefixed name outside kubernetes.io, valid as a quota name. */
    private static boolean extended(String name) {
        return !native_(name) && !name.startsWith("requests.") && Names.qualifiedName("requests." + name).isEmpty();
    }

    /** {@code IsOvercommitAllowed}: native resources but hugepages. */
    private static boolean overcommitAllowed(String name) {
        return native_(name) && !name.startsWith("hugepages-");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
