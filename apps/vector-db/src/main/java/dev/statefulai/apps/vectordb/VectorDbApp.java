package dev.statefulai.apps.vectordb;

import dev.statefulai.app.NamedApp;
import dev.statefulai.app.values.BackupValues;
import dev.statefulai.app.values.DataProtection;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PodValues;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.app.values.VolumeAttributesClassValues;
import dev.statefulai.app.values.Set;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.protection.BackupHooks;
import dev.statefulai.constructs.pod.PortSpec;
import dev.statefulai.constructs.pod.ProbeSpec;
import dev.statefulai.constructs.pod.SchedulingProps;
import dev.statefulai.constructs.presets.ImagePresets;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdk8s.Chart;

/**
 * A Qdrant cluster: each node keeps its shards on its own volume, a PodDisruptionBudget keeps a
 * quorum up during node drains, and the nodes start in order so each joins the running cluster. A
 * VolumeSnapshotClass lets backup tools snapshot the data volumes through the CSI driver. Backups are consistent: before
 * each, a hook snapshots every collection through Qdrant's own API onto the snapshot volume (or, without one, into the
 * data volume), so the volume snapshots hold a copy Qdrant can restore as it is. The Qdrant preset runs the
 * unprivileged image as user 1000 with a read-only root file system.
 */
public final class VectorDbApp extends NamedApp<VectorDbValues> {
    static final String NAME = "vector-db";
    private static final int HTTP = 6333;
    /** Where the hooks' snapshots go when there is no snapshot volume: inside the data volume, so they are backed up with it. */
    private static final String SNAPSHOTS_IN_DATA = "/qdrant/storage/snapshots";

    public VectorDbApp() {
        super(NAME, VectorDbValues.class);
    }

    @Override
    public void define(Chart chart, VectorDbValues v, String environment) {
        List<ClaimTemplate> claims = new ArrayList<>();
        claims.add(PersistenceValues.claimTemplate(v.persistence(), "data", "/qdrant/storage", "claimTemplates[0]").build());
        if (v.snapshotPersistence() != null) {
            claims.add(PersistenceValues.claimTemplate(v.snapshotPersistence(), "snapshots", "/qdrant/snapshots", "claimTemplates[1]").build());
        }
        ContainerProps.Builder container = ContainerProps.builder()
                .ports(List.of(PortSpec.of("http", 6333), PortSpec.of("grpc", 6334), PortSpec.of("p2p", 6335)))
                .env(env(v))
                .readinessProbe(ProbeSpec.http("/readyz", HTTP))
                .livenessProbe(ProbeSpec.http("/livez", HTTP).periodSeconds(20));
        StatefulAIAppProps.Builder props = StatefulAIAppProps.builder()
                .name(NAME)
                .namespace(v.namespace())
                .image(v.image())
                .preset(ImagePresets.qdrant())
                .component("vector-database")
                .partOf("ai-platform")
                .claimTemplates(claims);
        Set.ifGiven(v.replicas(), props::replicas);
        if (v.resources() != null) {
            container.resources(v.resources().toResources());
        }
        StorageProps.Builder storage = StorageProps.builder();
        if (v.storageClass() != null) {
            storage.storageClass(v.storageClass().toSpec(NAME + "-data"));
        }
        if (v.volumeTier() != null) {
            PropSources.feeds(null, "changeTier['data']", v, "volumeTier");
            storage.changeTier("data", v.volumeTier().toTier());
        }
        SchedulingProps.Builder scheduling = SchedulingProps.builder();
        PodValues.applyTo(v.pod(), container, scheduling);
        new StatefulAIApp(chart, NAME, props.container(container.build()).storage(storage.build()).scheduling(scheduling.build()).build());
        StorageBackend backend = v.storageClass() != null ? v.storageClass().toBackend() : AwsEbs.gp3();
        if (v.snapshotClass() != null) {
            // Backups by CSI volume snapshots of the data claims (Velero, Kasten or a VolumeSnapshot by hand).
            v.snapshotClass().addTo(chart, "snapshot-class", backend, NAME + "-snapshots");
        }
        List<VolumeAttributesClassValues> attributes = v.volumeAttributesClasses() == null ? List.of() : v.volumeAttributesClasses();
        for (int i = 0; i < attributes.size(); i++) {
            PropSources.feeds("volumeAttributesClasses[" + i + "]", attributes.get(i));
            attributes.get(i).addTo(chart, "volume-attributes-" + i, backend);
        }
        DataProtection.apply(chart, new DataProtection.App(NAME, environment, Map.of(), BackupHooks.qdrantSnapshots(NAME, HTTP, "30m")),
                v.backup(), v.restore(), v.gitOps());
    }

    /** Qdrant's settings: clustering, and where its snapshots go when backups snapshot it and there is no snapshot volume. */
    private static Map<String, String> env(VectorDbValues v) {
        Map<String, String> env = new TreeMap<>(Map.of("QDRANT__CLUSTER__ENABLED", "true"));
        if (BackupValues.runsHooks(v.backup()) && v.snapshotPersistence() == null) {
            // storage.snapshots_path of Qdrant's config (QDRANT__ and __ between levels, src/settings.rs)
            env.put("QDRANT__STORAGE__SNAPSHOTS_PATH", SNAPSHOTS_IN_DATA);
        }
        return env;
    }
}
