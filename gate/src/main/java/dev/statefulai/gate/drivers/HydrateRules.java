package dev.statefulai.gate.drivers;

import dev.statefulai.gate.model.CheckStage;
import dev.statefulai.gate.model.Claim;
import dev.statefulai.gate.model.Environment;
import dev.statefulai.gate.model.Finding;
import dev.statefulai.gate.model.Json;
import dev.statefulai.gate.model.Manifest;
import dev.statefulai.gate.model.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statefulai.facts.drivers.Attachment;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.GcpDrivers;
import dev.statefulai.facts.drivers.Modes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only copies of disks (fill once, serve everywhere): a class with {@value GcpDrivers#MULTI_ZONE_PARAMETER}
 * takes no clone and restores a snapshot only ReadOnlyMany, as the GCE PD controller's
 * {@code validateMultiZoneProvisioning} refuses (HYD001); and a new disk that is only ReadOnlyMany needs a data
 * source, since it starts empty and nothing can write it (HYD002).
 */
public final class HydrateRules implements CheckStage {

    @Override
    public List<Finding> check(Environment env) {
        List<Finding> out = new ArrayList<>();
        for (Claim c : Claim.of(env)) {
            String className = c.storageClassName();
            if (className == null || className.isEmpty() || !c.volumeName().isEmpty()) {
                continue;
            }
            Optional<Manifest> sc = env.storageClass(className);
            if (sc.isEmpty()) {
                continue;
            }
            JsonNode source = c.spec().has("dataSourceRef") ? c.spec().path("dataSourceRef") : c.spec().path("dataSource");
            String kind = source.path("kind").asText("");
            List<String> modes = c.accessModes();
            boolean readOnly = modes.equals(List.of(Modes.READ_ONLY_MANY));
            if ("true".equals(sc.get().body().path("parameters").path(GcpDrivers.MULTI_ZONE_PARAMETER).asText(""))) {
                if (kind.equals("PersistentVolumeClaim")) {
                    out.add(Finding.of(Rule.HYD001, c, "clones claim " + source.path("name").asText() + " on class " + className
                            + ", whose " + GcpDrivers.MULTI_ZONE_PARAMETER + " takes no clones: restore a snapshot instead"));
                } else if (!kind.isEmpty() && !readOnly) {
                    out.add(Finding.of(Rule.HYD001, c, "restores " + kind + " " + source.path("name").asText() + " as " + modes
                            + " on class " + className + ", whose " + GcpDrivers.MULTI_ZONE_PARAMETER
                            + " restores only ReadOnlyMany: fill on a class without it, serve the snapshot ReadOnlyMany"));
                }
            }
            String provisioner = Json.text(sc.get().body(), "provisioner", "");
            boolean disk = DriverCatalog.byProvisioner(provisioner).filter(d -> d.attachment() == Attachment.ONE_NODE_AT_A_TIME
                    || d.attachment() == Attachment.NETWORK_BLOCK).isPresent();
            if (disk && readOnly && kind.isEmpty()) {
                out.add(Finding.of(Rule.HYD002, c, "asks class " + className + " (" + provisioner + ") for a new ReadOnlyMany disk"
                        + " without a data source: it starts empty and no pod can write it; restore it from a snapshot of a filled claim"));
            }
        }
        return out;
    }
}
