package dev.statefulai.bench;

import dev.statefulai.apps.featurepipeline.FeaturePipelineValues;
import dev.statefulai.apps.vectordb.VectorDbValues;
import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.values.schema.ValuesSchema;
import dev.statefulai.app.AppDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.cdk8s.Chart;

/**
 * A fleet of app-instances for the benchmark: instance {@code i} is a tenant {@code tNNNNN} running
 * either a vector database (app vector-db: a {@code StatefulAIApp} on the Qdrant image preset with its own
 * StorageClass, headless Service, StatefulSet and PodDisruptionBudget, a VolumeSnapshotClass, on some tenants
 * a snapshot volume and the data claims of a tier change) or feature-pipeline storage (a
 * {@code DataPipelineStorage}: an EBS and an EFS StorageClass, PersistentVolumes on two existing EBS volumes
 * and an existing EFS access point, their claims), in the tenant's namespace, both protected from GitOps
 * pruning, as the two apps are in prod. Each instance is a folder {@code apps/<kind>-tNNNNN/} with its own
 * {@code values.yaml} and {@code values-prod.yaml}, synthesized by the real app definitions through
 * the project's synth path, and the {@code values.schema.json} a repository commits beside them. The TypeScript
 * reference reads the same values files.
 */
public final class Fleet {
    /** The one environment of the fleet. */
    public static final String ENVIRONMENT = "prod";
    static final String VECTOR_DB = "vector-db";
    static final String FEATURE_PIPELINE = "feature-pipeline";

    /** Writes the values files of {@code n} instances under {@code root/apps}. */
    public static void generate(Path root, int n) {
        try {
            Path apps = root.resolve(AppCatalog.APPS_DIR);
            Files.createDirectories(apps);
            String vectorDbSchema = ValuesSchema.of(VectorDbValues.class).fileText();
            String pipelineSchema = ValuesSchema.of(FeaturePipelineValues.class).fileText();
            for (int i = 0; i < n; i++) {
                String tenant = String.format("t%05d", i);
                boolean vectorDb = i % 2 == 0;
                Path dir = apps.resolve((vectorDb ? VECTOR_DB : FEATURE_PIPELINE) + "-" + tenant);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("values.yaml"), vectorDb ? vectorDbValues(tenant, i) : pipelineValues(tenant, i),
                        StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("values-" + ENVIRONMENT + ".yaml"),
                        vectorDb ? vectorDbProd(i) : pipelineProd(tenant, i), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(ValuesSchema.FILE_NAME), vectorDb ? vectorDbSchema : pipelineSchema, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String vectorDbValues(String tenant, int i) {
        return "# vector-db of tenant " + tenant + "\n"
                + "namespace: " + tenant + "\n"
                + "image: qdrant/qdrant:v1.12.4-unprivileged\n"
                + "replicas: 3\n"
                + "resources:\n"
                + "  cpu: \"2\"\n"
                + "  memory: 8Gi\n"
                + "persistence:\n"
                + "  size: " + (100 * (1 + i % 5)) + "Gi\n"
                + "storageClass:\n"
                + "  name: " + tenant + "-vector-db\n"
                + "  backend: ebs\n"
                + "  volumeType: gp3\n"
                + "  encrypted: true\n"
                + "  reclaimPolicy: Retain\n"
                + "snapshotClass:\n"
                + "  name: " + tenant + "-vector-db-snapshots\n"
                + "  deletionPolicy: Retain\n"
                + "gitOps:\n"
                + "  protect: retained\n";
    }

    /**
     * Like the vector-db app's prod: more nodes and memory, and on some tenants a snapshot volume, a faster class and
     * a tier change of the running data volumes. No {@code backup}: the app names its Velero schedule after the app
     * ({@code vector-db-prod} in Velero's namespace), so every instance would write the same object.
     */
    private static String vectorDbProd(int i) {
        return "replicas: " + (3 + i % 3) + "\n"
                + "resources:\n"
                + "  cpu: \"" + (2 + i % 4) + "\"\n"
                + "  memory: " + (8 * (1 + i % 4)) + "Gi\n"
                + (i % 4 == 0 ? "snapshotPersistence:\n  size: 100Gi\nstorageClass:\n  iops: 6000\n  throughput: 250\n" : "")
                + (i % 8 == 0 ? "volumeTier:\n  iops: 8000\n  throughput: 500\n" : "");
    }

    private static String pipelineValues(String tenant, int i) {
        return "# feature-pipeline storage of tenant " + tenant + "\n"
                + "namespace: " + tenant + "\n"
                + "storageClass:\n"
                + "  name: " + tenant + "-features\n"
                + "  backend: ebs\n"
                + "  volumeType: gp3\n"
                + "  encrypted: true\n"
                + "  reclaimPolicy: Retain\n"
                + "sharedDataset:\n"
                + "  name: training-datasets\n"
                + "  persistence:\n"
                + "    size: 1Ti\n"
                + "  storageClass:\n"
                + "    backend: efs\n"
                + "gitOps:\n"
                + "  protect: retained\n";
    }

    /** Like the feature-pipeline app's prod: two existing EBS volumes and the datasets on an existing EFS access point. */
    private static String pipelineProd(String tenant, int i) {
        String zone = "us-east-1" + "abc".charAt(i % 3);
        String fileSystem = String.format("%017x", 0x0def000000000000L + i);
        return "volumes:\n"
                + volume("raw-events", String.format("vol-%017x", 0x0abc000000000000L + i), zone, (200 * (1 + i % 8)) + "Gi")
                + volume("features", String.format("vol-%017x", 0x0bcd000000000000L + i), zone, (50 * (1 + i % 8)) + "Gi")
                + "sharedDataset:\n"
                + "  persistence:\n"
                + "    size: " + (1 + i % 10) + "Ti\n"
                + "  existingVolume: fs-" + fileSystem + "::fsap-" + fileSystem + "\n"
                + "  storageClass:\n"
                + "    name: " + tenant + "-datasets\n";
    }

    private static String volume(String name, String volumeId, String zone, String size) {
        return "  - name: " + name + "\n"
                + "    volumeId: " + volumeId + "\n"
                + "    zone: " + zone + "\n"
                + "    persistence:\n"
                + "      size: " + size + "\n";
    }

    /** The instances under {@code root/apps}, each bound to the app definition its folder name starts with. */
    public List<AppCatalog.App> apps(Path root, ClassLoader parent) {
        AppDefinition<?> vectorDb = null;
        AppDefinition<?> pipeline = null;
        for (AppDefinition<?> def : ServiceLoader.load(AppDefinition.class, parent)) {
            if (def.name().equals(VECTOR_DB) && def.valuesType() == VectorDbValues.class) {
                vectorDb = def;
            } else if (def.name().equals(FEATURE_PIPELINE) && def.valuesType() == FeaturePipelineValues.class) {
                pipeline = def;
            }
        }
        if (vectorDb == null || pipeline == null) {
            throw new IllegalStateException("the vector-db and feature-pipeline app definitions are not on the class path");
        }
        List<AppCatalog.App> apps = new ArrayList<>();
        for (Path dir : AppCatalog.appDirs(root)) {
            String name = dir.getFileName().toString();
            AppDefinition<?> def = name.startsWith(VECTOR_DB + "-") ? vectorDb : name.startsWith(FEATURE_PIPELINE + "-") ? pipeline : null;
            if (def == null) {
                throw new IllegalStateException("not a fleet instance: " + dir);
            }
            apps.add(new AppCatalog.App(name, dir, instance(name, def)));
        }
        return apps;
    }

    private static <V> AppDefinition<V> instance(String name, AppDefinition<V> def) {
        return new AppDefinition<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<V> valuesType() {
                return def.valuesType();
            }

            @Override
            public void define(Chart chart, V values, String environment) {
                def.define(chart, values, environment);
            }
        };
    }
}
