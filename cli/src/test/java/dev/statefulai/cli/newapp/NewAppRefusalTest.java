package dev.statefulai.cli.newapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.cli.testing.CliRun;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal exits 2 with one message naming what is allowed, and writes nothing. */
class NewAppRefusalTest {
    @TempDir
    Path tmp;
    AppsRepo repo;

    @BeforeEach
    void repoWithTwoApps() {
        repo = new AppsRepo(tmp).app("vector-db", "dev", "prod", "staging").app("feature-pipeline", "dev", "prod", "staging");
    }

    /** Asserts that {@code new-app <name> --kind <kind>} exits 2 with {@code expectedError} alone, and writes nothing. */
    private void assertRefused(String name, String kind, String expectedError) {
        long files = repo.fileCount();
        String pom = repo.read("apps/pom.xml");
        CliRun run = CliRun.of("new-app", name, "--kind", kind, "--root", tmp.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: " + expectedError + "\n", run.err().replace("\r\n", "\n"));
        assertEquals("", run.out());
        assertEquals(files, repo.fileCount(), "a refused request writes nothing");
        assertEquals(pom, repo.read("apps/pom.xml"));
    }

    private static final String NOT_TAKEN = "allowed: a name no app uses yet (taken: feature-pipeline, vector-db)";

    /** Requests the repository with its two apps refuses: what the row is about, the name, the kind, the whole error. */
    static Stream<Arguments> refusals() {
        String longName = "a".repeat(56);
        return Stream.of(
                Arguments.of("a name that is no DNS label", "My_Store", "stateful-ai", "app name 'My_Store' is not allowed; allowed: a DNS-1123"
                        + " label that starts with a letter: lower-case letters, digits and '-', ending with a letter or digit, at most 52"
                        + " characters here (the name becomes the StatefulSet, the namespaces <name>-<env> and the Java package"
                        + " dev.statefulai.apps.<name without dashes>)"),
                Arguments.of("a name starting with a digit, because it becomes a Java package", "3d-store", "data-pipeline", "app name"
                        + " '3d-store' is not allowed; allowed: a DNS-1123 label that starts with a letter: lower-case letters, digits and '-',"
                        + " ending with a letter or digit, at most 55 characters here (the name becomes the claims' part-of label, the"
                        + " namespaces <name>-<env> and the Java package dev.statefulai.apps.<name without dashes>)"),
                Arguments.of("a name too long for the namespace of the longest environment", longName, "data-pipeline", "app name '" + longName
                        + "' is not allowed; allowed: a DNS-1123 label that starts with a letter: lower-case letters, digits and '-', ending"
                        + " with a letter or digit, at most 55 characters here (the name becomes the claims' part-of label, the namespaces"
                        + " <name>-<env> and the Java package dev.statefulai.apps.<name without dashes>)"),
                Arguments.of("a name whose package is a Java keyword", "d-o", "stateful-ai", "app name 'd-o' is not allowed: its Java package"
                        + " dev.statefulai.apps.do ends in a Java keyword; allowed: a name that is no Java keyword once its dashes are removed"),
                Arguments.of("an app that exists", "vector-db", "stateful-ai",
                        "app name 'vector-db' is taken: apps/vector-db already exists; " + NOT_TAKEN),
                Arguments.of("the folders of the apps project itself", "target", "stateful-ai",
                        "app name 'target' is taken: apps/target belongs to the apps project itself; " + NOT_TAKEN),
                Arguments.of("a name whose class clashes with an imported one", "resources", "stateful-ai", "app name 'resources' is not"
                        + " allowed: it gives the class ResourcesValues, which clashes with dev.statefulai.app.values.ResourcesValues that the"
                        + " app's code uses; allowed: a name whose classes ResourcesApp, ResourcesValues, ResourcesAppTest are named like no"
                        + " imported class"),
                Arguments.of("an unknown kind, with a did-you-mean", "my-store", "statefull-ai",
                        "--kind statefull-ai is not allowed (did you mean 'stateful-ai'?); allowed: stateful-ai, data-pipeline"),
                Arguments.of("an unknown kind, without a guess when nothing is close", "my-store", "database",
                        "--kind database is not allowed; allowed: stateful-ai, data-pipeline"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refusals")
    void refuses(String about, String name, String kind, String expectedError) {
        assertRefused(name, kind, expectedError);
    }

    @Test
    void refusesAModuleThatIsRegisteredWithoutAFolder() {
        repo.write("apps/pom.xml", AppsRepo.APPS_POM.replace("<module>vector-db</module>", "<module>gone</module>\n    <module>vector-db</module>"));
        assertRefused("gone", "stateful-ai", "app name 'gone' is taken: apps/pom.xml already lists the module gone; "
                + "allowed: a name no app uses yet (taken: feature-pipeline, gone, vector-db)");
    }

    @Test
    void refusesANameWhosePackageAnotherAppUses() {
        repo.write("apps/vector-db/src/main/java/dev/statefulai/apps/vectordb/VectorDbApp.java", "");
        assertRefused("vectordb", "data-pipeline", "app name 'vectordb' is taken: apps/vector-db already uses the Java package "
                + "dev.statefulai.apps.vectordb; " + NOT_TAKEN);
    }

    /** An environment comes from a values file's name: one that cannot name a folder of dist/ and objects is refused. */
    @Test
    void refusesAValuesFileWhoseEnvironmentIsNotAName() {
        repo.write("apps/vector-db/values-Q A.yaml", "{}\n");
        assertRefused("my-store", "stateful-ai", "apps/vector-db/values-Q A.yaml: 'Q A' is not an environment name; allowed: "
                + "a DNS-1123 label: at most 63 characters, lower-case letters, digits and '-', starting and ending with a letter or digit, such as prod"
                + " (it names the folder dist/<env> and is part of object names); rename the file");
    }

    /** A dangling link where the module goes is someone's: refused and kept (the failed write removed it, exit 1). */
    @Test
    void refusesANameWhoseFolderIsADanglingLink() throws Exception {
        java.nio.file.Files.createSymbolicLink(tmp.resolve("apps/my-store"), tmp.resolve("nowhere"));
        assertRefused("my-store", "stateful-ai", "app name 'my-store' is taken: apps/my-store already exists; " + NOT_TAKEN);
        assertEquals(true, java.nio.file.Files.isSymbolicLink(tmp.resolve("apps/my-store")), "the link is kept");
    }

    /** A module that cannot be written is one line with the reason, exit 2 like every I/O error (it was exit 1), nothing left. */
    @Test
    void aModuleThatCannotBeWrittenIsOneLineWithTheReason() throws Exception {
        Path apps = tmp.resolve("apps");
        java.nio.file.Files.setPosixFilePermissions(apps, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliRun run = CliRun.boundByPermissions("new-app", "my-store", "--kind", "stateful-ai", "--root", tmp.toString());
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("error: cannot write " + apps.resolve("my-store") + ": " + apps.resolve("my-store") + ": permission denied\n",
                    run.err());
        } finally {
            java.nio.file.Files.setPosixFilePermissions(apps, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(false, java.nio.file.Files.exists(apps.resolve("my-store")));
    }

    @Test
    void refusesARootWithoutAppsPom() {
        Path elsewhere = tmp.resolve("elsewhere");
        CliRun run = CliRun.of("new-app", "my-store", "--kind", "stateful-ai", "--root", elsewhere.toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: no apps/pom.xml under " + elsewhere + "; allowed: --root naming the repository root, the folder with "
                + "apps/pom.xml\n", run.err());
    }

    @Test
    void aMissingKindIsAUsageError() {
        CliRun run = CliRun.of("new-app", "my-store", "--root", tmp.toString());
        assertEquals(2, run.exitCode());
        assertEquals("Missing required option: '--kind=KIND'", run.err().lines().findFirst().orElse(""));
    }
}
