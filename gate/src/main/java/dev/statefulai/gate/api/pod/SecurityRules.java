package dev.statefulai.gate.api.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.gate.api.core.Names;
import dev.statefulai.gate.api.core.Problems;
import dev.statefulai.gate.api.core.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Security contexts (pkg/apis/core/validation/validation.go, release-1.28): {@code ValidateSecurityContext}
 * for a container and {@code validatePodSpecSecurityContext} for the Pod: user and group ids, proc mount,
 * seccomp profile ({@code validateSeccompProfileField}), privilege escalation with privileged, sysctls,
 * fsGroupChangePolicy. {@code privileged: true} depends on the API server's --allow-privileged flag and is
 * not judged here; {@code procMount} is dropped before validation in 1.28 (ProcMountType gate, alpha, off).
 */
final class SecurityRules {
    private static final List<String> SECCOMP_TYPES = List.of("Localhost", "RuntimeDefault", "Unconfined");
    private static final List<String> FS_GROUP_POLICIES = List.of("Always", "OnRootMismatch");
    private static final Pattern SYSCTL = Pattern.compile(
            "([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

    private SecurityRules() {
    }

    /** {@code ValidateSecurityContext}; {@code p} is at the container's securityContext. */
    static void container(Problems p, JsonNode sc) {
        ids(p, sc);
        seccomp(p, sc);
        if (Boolean.FALSE.equals(Values.bool(sc, "allowPrivilegeEscalation"))) {
            if (Boolean.TRUE.equals(Values.bool(sc, "privileged"))) {
                p.invalid("", "allowPrivilegeEscalation: false", "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
            }
            if (Values.strings(sc.path("capabilities"), "add").contains("CAP_SYS_ADMIN")) {
                p.invalid("", "allowPrivilegeEscalation: false", "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
            }
        }
    }

    /** {@code validatePodSpecSecurityContext}; {@code p} is at the pod's securityContext. */
    static void pod(Problems p, JsonNode sc) {
        Long fsGroup = Values.int64(p, sc, "fsGroup");
        if (fsGroup != null) {
            p.invalidEach("fsGroup", fsGroup, Names.id(fsGroup));
        }
        ids(p, sc);
        List<JsonNode> groups = Values.list(sc, "supplementalGroups");
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).isNumber() && groups.get(g).canConvertToLong()) {
                long gid = groups.get(g).asLong();
                p.invalidEach("supplementalGroups[" + g + "]", gid, Names.id(gid));
            }
        }
        if (Boolean.TRUE.equals(Values.bool(sc, "shareProcessNamespace")) && Boolean.TRUE.equals(Values.bool(sc, "hostPID"))) {
            p.invalid("shareProcessNamespace", true, "ShareProcessNamespace and HostPID cannot both be enabled");
        }
        sysctls(p.by("validateSysctls"), Values.list(sc, "sysctls"));
        String policy = Values.text(sc, "fsGroupChangePolicy");
        if (policy != null && !FS_GROUP_POLICIES.contains(policy)) {
            p.by("validateFSGroupChangePolicy").notSupported("fsGroupChangePolicy", policy, FS_GROUP_POLICIES);
        }
        seccomp(p, sc);
    }

    private static void ids(Problems p, JsonNode sc) {
        for (String field : List.of("runAsUser", "runAsGroup")) {
            Long id = Values.int64(p, sc, field);
            if (id != null) {
                p.invalidEach(field, id, Names.id(id));
            }
        }
    }

    private static void seccomp(Problems p, JsonNode sc) {
        JsonNode profile = Values.object(sc, "seccompProfile");
        if (profile == null) {
            return;
        }
        Problems s = p.at("seccompProfile").by("validateSeccompProfileField");
        String type = Values.string(profile, "type");
        if (type.isEmpty()) {
            s.required("type", "type is required when seccompProfile is set");
        } else if (!SECCOMP_TYPES.contains(type)) {
            s.notSupported("type", type, SECCOMP_TYPES);
        }
        String localhost = Values.text(profile, "localhostProfile");
        if (type.equals("Localhost")) {
            if (localhost == null) {
                s.required("localhostProfile", "must be set when seccomp type is Localhost");
            } else {
                if (localhost.startsWith("/")) {
                    s.invalid("localhostProfile", localhost, "must be a relative path");
                }
                if (List.of(localhost.split("/", -1)).contains("..")) {
                    s.invalid("localhostProfile", localhost, "must not contain '..'");
                }
            }
        } else if (localhost != null) {
            s.invalid("localhostProfile", localhost, "can only be set when seccomp type is Localhost");
        }
    }

    private static void sysctls(Problems p, List<JsonNode> sysctls) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sysctls.size(); i++) {
            String name = Values.string(sysctls.get(i), "name");
            if (name.isEmpty()) {
                p.required("sysctls[" + i + "].name", "");
            } else if (name.length() > 253 || !SYSCTL.matcher(name).matches()) {
                p.invalid("sysctls[" + i + "].name", name, "must have at most 253 characters and be a sysctl name (e.g. 'kernel.shm_rmid_forced')");
            } else if (!names.add(name)) {
                p.duplicate("sysctls[" + i + "].name", name);
            }
        }
    }
}
