package dev.statefulai.cli.newapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.cli.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal exits 2 with one message naming what is allowed, and writes nothing. */
class NewAppRefusalTest {
    @TempDir
    Path tmp;
    AppsRepo repo;

    @BeforeEach
    void repoWithTwoApps() {
        repo = new AppsRepo(tmp).app("vector-db", "dev", "prod", "staging").app("feature-pipeline", "dev", "prod", "staging");
    }

    private void assertRefused(String expectedError, String... args) {
        long files = repo.fileCount();
        String pom = repo.read("apps/pom.xml");
        String[] withRoot = new String[args.length + 2];
        System.arraycopy(args, 0, withRoot, 0, args.length);
        withRoot[args.length] = "--root";
        withRoot[args.length + 1] = tmp.toString();
        CliRun run = CliRun.of(withRoot);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: " + expectedError + "\n", run.err().replace("\r\n", "\n"));
        assertEquals("", run.out());
        assertEquals(files, repo.fileCount(), "a refused request writes nothing");
        assertEquals(pom, repo.read("apps/pom.xml"));
    }

    @Test
    void refusesANameThatIsNoDnsLabel() {
        assertRefused("app name 'My_Store' is not allowed; allowed: a DNS-1123 label that starts with a letter: lower-case letters, "
                + "digits and '-', ending with a letter or digit, at most 52 characters here (the name becomes the StatefulSet, "
                + "the namespaces <name>-<env> and the Java package dev.statefulai.apps.<name without dashes>)",
                "new-app", "My_Store", "--kind", "stateful-ai");
    }

    @Test
    void refusesANameStartingWithADigitBecauseItBecomesAJavaPackage() {
        assertRefused("app name '3d-store' is not allowed; allowed: a DNS-1123 label that starts with a letter: lower-case letters, "
                + "digits and '-', ending with a letter or digit, at most 55 characters here (the name becomes the claims' part-of "
                + "label, the namespaces <name>-<env> and the Java package dev.statefulai.apps.<name without dashes>)",
                "new-app", "3d-store", "--kind", "data-pipeline");
    }

    @Test
    void refusesANameTooLongForTheNamespaceOfTheLongestEnvironment() {
        String name = "a".repeat(56);
        assertRefused("app name '" + name + "' is not allowed; allowed: a DNS-1123 label that starts with a letter: lower-case letters, "
                + "digits and '-', ending with a letter or digit, at most 55 characters here (the name becomes the claims' part-of "
                + "label, the namespaces <name>-<env> and the Java package dev.statefulai.apps.<name without dashes>)",
                "new-app", name, "--kind", "data-pipeline");
    }

    @Test
    void refusesANameWhosePackageIsAJavaKeyword() {
        assertRefused("app name 'd-o' is not allowed: its Java package dev.statefulai.apps.do ends in a Java keyword; "
                + "allowed: a name that is no Java keyword once its dashes are removed",
                "new-app", "d-o", "--kind", "stateful-ai");
    }

    @Test
    void refusesAnAppThatExists() {
        assertRefused("app name 'vector-db' is taken: apps/vector-db already exists; "
                + "allowed: a name no app uses yet (taken: feature-pipeline, vector-db)",
                "new-app", "vector-db", "--kind", "stateful-ai");
    }

    @Test
    void refusesAModuleThatIsRegisteredWithoutAFolder() {
        repo.write("apps/pom.xml", AppsRepo.APPS_POM.replace("<module>vector-db</module>", "<module>gone</module>\n    <module>vector-db</module>"));
        assertRefused("app name 'gone' is taken: apps/pom.xml already lists the module gone; "
                + "allowed: a name no app uses yet (taken: feature-pipeline, gone, vector-db)",
                "new-app", "gone", "--kind", "stateful-ai");
    }

    @Test
    void refusesANameWhosePackageAnotherAppUses() {
        repo.write("apps/vector-db/src/main/java/dev/statefulai/apps/vectordb/VectorDbApp.java", "");
        assertRefused("app name 'vectordb' is taken: apps/vector-db already uses the Java package dev.statefulai.apps.vectordb; "
                + "allowed: a name no app uses yet (taken: feature-pipeline, vector-db)",
                "new-app", "vectordb", "--kind", "data-pipeline");
    }

    @Test
    void refusesTheFoldersOfTheAppsProjectItself() {
        assertRefused("app name 'target' is taken: apps/target belongs to the apps project itself; "
                + "allowed: a name no app uses yet (taken: feature-pipeline, vector-db)",
                "new-app", "target", "--kind", "stateful-ai");
    }

    @Test
    void refusesANameWhoseClassClashesWithAnImportedOne() {
        assertRefused("app name 'resources' is not allowed: it gives the class ResourcesValues, which clashes with "
                + "dev.statefulai.app.values.ResourcesValues that the app's code uses; allowed: a name whose classes "
                + "ResourcesApp, ResourcesValues, ResourcesAppTest are named like no imported class",
                "new-app", "resources", "--kind", "stateful-ai");
    }

    @Test
    void refusesAnUnknownKindWithADidYouMean() {
        assertRefused("--kind statefull-ai is not allowed (did you mean 'stateful-ai'?); allowed: stateful-ai, data-pipeline",
                "new-app", "my-store", "--kind", "statefull-ai");
    }

    @Test
    void refusesAnUnknownKindWithoutAGuessWhenNothingIsClose() {
        assertRefused("--kind database is not allowed; allowed: stateful-ai, data-pipeline",
                "new-app", "my-store", "--kind", "database");
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
