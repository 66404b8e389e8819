package dev.statefulai.gate.rules;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How workloads use storage: a StatefulSet's governing Service (BIND011), single-node claims shared by replicas (BIND012). */
public final class WorkloadRules implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        env.ofKind("StatefulSet").forEach(sts -> governingService(env, sts).ifPresent(out::add));
        for (Manifest w : env.workloads()) {
            int replicas = Json.replicas(w);
            if (replicas <= 1) {
                continue;
            }
            for (JsonNode volume : Environment.podSpec(w).path("volumes")) {
                String claimName = volume.path("persistentVolumeClaim").path("claimName").asText("");
                if (claimName.isEmpty()) {
                    continue;
                }
                env.find("PersistentVolumeClaim", w.namespace(), claimName).ifPresent(pvc -> {
                    List<String> modes = Json.strings(pvc.spec().path("accessModes"));
                    boolean shareable = modes.contains("ReadWriteMany")
                            || modes.contains("ReadOnlyMany") && volume.path("persistentVolumeClaim").path("readOnly").asBoolean(false);
                    if (!shareable) {
                        out.add(Finding.of(Rule.BIND012, w, w.kind() + " " + w.name() + " has " + replicas
                                + " replicas that all mount claim " + claimName + " " + modes
                                + ": the volume attaches to one node, so replicas elsewhere hang in ContainerCreating (Multi-Attach error);"
                                + " use volumeClaimTemplates (one claim per replica) or a ReadWriteMany class"));
                    }
                });
            }
        }
        return out;
    }

    private static Optional<Finding> governingService(Environment env, Manifest sts) {
        String serviceName = sts.spec().path("serviceName").asText("");
        if (serviceName.isEmpty()) {
            return Optional.of(Finding.of(Rule.BIND011, sts, "has no spec.serviceName: pods get no stable DNS names"));
        }
        Optional<Manifest> svc = env.find("Service", sts.namespace(), serviceName);
        if (svc.isEmpty()) {
            return Optional.of(Finding.of(Rule.BIND011, sts, "serviceName " + serviceName + " names no Service in namespace "
                    + sts.namespace() + " of dist/" + env.name() + ": pods get no stable DNS names"));
        }
        if (!"None".equals(svc.get().spec().path("clusterIP").asText(""))) {
            return Optional.of(Finding.of(Rule.BIND011, sts, "serviceName " + serviceName
                    + " names a Service that is not headless (needs clusterIP: None): pods get no per-pod DNS names"));
        }
        return Optional.empty();
    }
}
