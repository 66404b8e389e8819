package dev.statefulai.apps.vectordb;

import dev.statefulai.app.AppDefinition;
import dev.statefulai.app.values.PersistenceValues;
import dev.statefulai.app.values.PropSources;
import dev.statefulai.app.values.VolumeAttributesClassValues;
import dev.statefulai.app.values.Set;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.pod.PortSpec;
import dev.statefulai.constructs.pod.ProbeSpec;
import dev.statefulai.constructs.storage.AwsEbs;
import dev.statefulai.constructs.storage.StorageBackend;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdk8s.Chart;

/**
 * A Qdrant cluster: each node keeps its shards on its own volume, a PodDisruptionBudget keeps a
 * quorum up during node drains, and the nodes start in order so each joins the running cluster. A
 * VolumeSnapshotClass lets backup tools snapshot the data volumes through the CSI driver.
 */
public final class VectorDbApp implements AppDefinition<VectorDbValues> {
    static final String NAME = "vector-db";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<VectorDbValues> valuesType() {
        return VectorDbValues.class;
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
                .env(Map.of("QDRANT__CLUSTER__ENABLED", "true"))
                .readinessProbe(ProbeSpec.http("/readyz", 6333))
                .livenessProbe(ProbeSpec.http("/livez", 6333).periodSeconds(20));
        StatefulAIAppProps.Builder props = StatefulAIAppProps.builder()
                .name(NAME)
                .namespace(v.namespace())
                .image(v.image())
                .component("vector-database")
                .partOf("ai-platform")
                .claimTemplates(claims);
        Set.ifGiven(v.replicas(), props::replicas);
        if (v.resources() != null) {
            container.resources(v.resources().toResources());
        }
        if (v.storageClass() != null) {
            props.storage(StorageProps.builder().storageClass(v.storageClass().toSpec(NAME + "-data")).build());
        }
        new StatefulAIApp(chart, NAME, props.container(container.build()).build());
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
    }
}
