package dev.statefulai.cli.newapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.CliRun;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What new-app writes, without compiling it (NewAppEndToEndTest compiles and synthesizes it). */
class NewAppScaffoldTest {
    private static final String PKG = "apps/my-store/src/main/java/dev/statefulai/apps/mystore/";

    @TempDir
    Path tmp;

    private CliRun newApp(String name, String kind) {
        CliRun run = CliRun.of("new-app", name, "--kind", kind, "--root", tmp.toString());
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    @Test
    void writesTheModuleAndRegistersItInSortedOrder() {
        AppsRepo repo = new AppsRepo(tmp).app("vector-db", "dev", "prod", "staging").app("feature-pipeline", "dev", "prod", "staging");
        newApp("my-store", "stateful-ai");
        assertTrue(repo.read("apps/pom.xml").contains("""
                  <modules>
                    <module>feature-pipeline</module>
                    <module>my-store</module>
                    <module>vector-db</module>
                  </modules>
                """), repo.read("apps/pom.xml"));
        String pom = repo.read("apps/my-store/pom.xml");
        assertTrue(pom.contains("<artifactId>apps</artifactId>\n    <version>0.1.0-SNAPSHOT</version>"), pom);
        assertTrue(pom.contains("<artifactId>app-my-store</artifactId>"), pom);
        assertEquals("dev.statefulai.apps.mystore.MyStoreApp\n",
                repo.read("apps/my-store/src/main/resources/META-INF/services/dev.statefulai.app.AppDefinition"));
        assertTrue(repo.read(PKG + "MyStoreApp.java").contains("public final class MyStoreApp implements AppDefinition<MyStoreValues>"));
        assertTrue(repo.read(PKG + "MyStoreValues.java").contains("public record MyStoreValues("));
        String test = repo.read("apps/my-store/src/test/java/dev/statefulai/apps/mystore/MyStoreAppTest.java");
        assertTrue(test.contains("class MyStoreAppTest extends AppSnapshotTest"), test);
        assertTrue(test.contains("synth(\"prod\")") && test.contains("reclaimPolicy: Retain"), test);
    }

    @Test
    void writesValuesForEveryEnvironmentOfTheRepository_prodKeepsEncryptedData_devIsSmallAndDeleted() {
        AppsRepo repo = new AppsRepo(tmp).app("vector-db", "dev", "prod").app("feature-pipeline", "perf");
        newApp("my-store", "stateful-ai");
        assertTrue(repo.read("apps/my-store/values.yaml").contains("  encrypted: true\n  reclaimPolicy: Retain\n"));
        String prod = repo.read("apps/my-store/values-prod.yaml");
        assertTrue(prod.contains("  encrypted: true\n  reclaimPolicy: Retain\n") && prod.contains("replicas: 3\n"), prod);
        String dev = repo.read("apps/my-store/values-dev.yaml");
        assertTrue(dev.contains("reclaimPolicy: Delete") && dev.contains("replicas: 1\n") && dev.contains("persistence:\n  size: 10Gi\n"), dev);
        String perf = repo.read("apps/my-store/values-perf.yaml");
        assertTrue(perf.contains("namespace: my-store-perf") && !perf.contains("Delete"), "unknown environments keep their data: " + perf);
        assertFalse(repo.exists("apps/my-store/values-staging.yaml"), "only the repository's environments");
    }

    @Test
    void aRepositoryWithoutEnvironmentsGetsDevStagingAndProd() {
        AppsRepo repo = new AppsRepo(tmp);
        CliRun run = newApp("my-store", "stateful-ai");
        for (String env : RepoEnvironments.DEFAULTS) {
            assertTrue(repo.exists("apps/my-store/values-" + env + ".yaml"), env);
        }
        assertTrue(run.out().startsWith("created apps/my-store, a stateful-ai app for the environments dev, prod, staging:\n"), run.out());
    }

    @Test
    void dataPipelineValuesGiveEachEnvironmentItsOwnPlaceholderVolume() {
        AppsRepo repo = new AppsRepo(tmp).app("vector-db", "dev", "prod", "staging");
        newApp("raw-events", "data-pipeline");
        assertTrue(repo.read("apps/raw-events/values-dev.yaml").contains("volumeId: vol-00000000000000001"));
        assertTrue(repo.read("apps/raw-events/values-prod.yaml").contains("volumeId: vol-00000000000000002"));
        assertTrue(repo.read("apps/raw-events/values-staging.yaml").contains("volumeId: vol-00000000000000003"));
        assertTrue(repo.read("apps/raw-events/src/main/java/dev/statefulai/apps/rawevents/RawEventsApp.java")
                .contains("new DataPipelineStorage("));
    }

    @Test
    void printsTheFilesAndTheNextSteps() {
        new AppsRepo(tmp).app("vector-db", "dev", "prod", "staging");
        CliRun run = newApp("my-store", "stateful-ai");
        assertEquals("""
                created apps/my-store, a stateful-ai app for the environments dev, prod, staging:
                  apps/my-store/pom.xml
                  apps/my-store/values.yaml
                  apps/my-store/values-dev.yaml
                  apps/my-store/values-prod.yaml
                  apps/my-store/values-staging.yaml
                  apps/my-store/values.schema.json
                  apps/my-store/src/main/java/dev/statefulai/apps/mystore/MyStoreApp.java
                  apps/my-store/src/main/java/dev/statefulai/apps/mystore/MyStoreValues.java
                  apps/my-store/src/main/resources/META-INF/services/dev.statefulai.app.AppDefinition
                  apps/my-store/src/test/java/dev/statefulai/apps/mystore/MyStoreAppTest.java
                registered <module>my-store</module> in apps/pom.xml

                next steps:
                  1. in apps/my-store/values*.yaml, set image to your workload's image, pinned to a version, and check mountPath, port and sizes
                  2. bin/ai-storage synth
                       compiles the new module and writes dist/<env>/my-store.yaml for every environment
                  3. ./mvnw -q test -pl apps/my-store
                       runs its tests, which hold it to those files in dist/ (review them: they are its golden files)
                  4. git add apps/pom.xml apps/my-store dist && git commit
                """, run.out());
        assertEquals("", run.err());
    }

    /** dist-tests synthesizes every app, so a parallel build must build the new app first: new-app adds its line. */
    @Test
    void addsTheNewAppToTheBuildOrderOfDistTests() {
        AppsRepo repo = new AppsRepo(tmp).app("vector-db", "dev", "prod");
        repo.write(DistTestsPom.FILE, "<project>\n  <dependencies>\n    " + DistTestsPom.dependency("vector-db") + "\n    "
                + DistTestsPom.MARKER + "\n  </dependencies>\n</project>\n");
        CliRun run = newApp("my-store", "stateful-ai");
        assertEquals("<project>\n  <dependencies>\n    " + DistTestsPom.dependency("vector-db") + "\n    "
                + DistTestsPom.dependency("my-store") + "\n    " + DistTestsPom.MARKER + "\n  </dependencies>\n</project>\n",
                repo.read(DistTestsPom.FILE));
        assertTrue(run.out().contains("added app-my-store to dist-tests/pom.xml")
                && run.out().contains("4. git add apps/pom.xml dist-tests/pom.xml apps/my-store dist && git commit"), run.out());
    }

    /** A registration that fails half-way leaves no pom naming a module that is not there. */
    @Test
    void aFailedRegistrationLeavesDistTestsAsItWas() throws Exception {
        Path unwritable = Path.of("/proc/version"); // readable, and no one may write it, root included
        Assumptions.assumeTrue(Files.isReadable(unwritable), "needs Linux's /proc/version");
        AppsRepo repo = new AppsRepo(tmp).app("vector-db", "dev", "prod");
        String distTests = "<project>\n  <dependencies>\n    " + DistTestsPom.MARKER + "\n  </dependencies>\n</project>\n";
        repo.write(DistTestsPom.FILE, distTests);
        NewAppPlan plan = NewAppPlan.of(tmp, "my-store", "stateful-ai");
        Files.delete(tmp.resolve("apps/pom.xml"));
        Files.createSymbolicLink(tmp.resolve("apps/pom.xml"), unwritable);
        assertThrows(UncheckedIOException.class, plan::write);
        assertEquals(distTests, repo.read(DistTestsPom.FILE));
        assertFalse(repo.exists("apps/my-store"), "the module is removed");
    }
}
