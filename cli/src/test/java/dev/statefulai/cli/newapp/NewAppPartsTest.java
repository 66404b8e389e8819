package dev.statefulai.cli.newapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of new-app: module registration, environment profiles, derived names. */
class NewAppPartsTest {

    private static String pom(String modules) {
        return "<project>\n  <parent>\n    <version>1.2.3</version>\n  </parent>\n  <modules>" + modules + "</modules>\n</project>\n";
    }

    @Test
    void insertsTheModuleBeforeTheFirstThatSortsAfterIt() {
        String modules = "\n    <module>b</module>\n    <module>d</module>\n  ";
        assertEquals(pom("\n    <module>a</module>\n    <module>b</module>\n    <module>d</module>\n  "), new AppsPom(pom(modules)).withModule("a"));
        assertEquals(pom("\n    <module>b</module>\n    <module>c</module>\n    <module>d</module>\n  "), new AppsPom(pom(modules)).withModule("c"));
        assertEquals(pom("\n    <module>b</module>\n    <module>d</module>\n    <module>e</module>\n  "), new AppsPom(pom(modules)).withModule("e"));
    }

    @Test
    void insertsIntoAnEmptyModulesList() {
        assertEquals(pom("\n    <module>a</module>\n  "), new AppsPom(pom("\n  ")).withModule("a"));
        assertEquals(pom("<module>a</module>"), new AppsPom(pom("")).withModule("a"));
    }

    @Test
    void readsModulesAndTheVersionNewModulesInherit() {
        AppsPom pom = new AppsPom(pom("<module>b</module><module> a </module>"));
        assertEquals(List.of("b", "a"), pom.modules());
        assertEquals("1.2.3", pom.version());
        assertEquals("9", new AppsPom("<project><parent><version>1</version></parent><version>9</version><modules></modules></project>").version());
    }

    @Test
    void environmentsNamedLikeProductionOrDevelopmentGetTheirShape_allOthersKeepTheirData() {
        for (String env : List.of("prod", "production", "prod-eu", "live")) {
            assertEquals(EnvProfile.PROD, EnvProfile.of(env), env);
        }
        for (String env : List.of("dev", "dev-alice", "test", "local", "sandbox")) {
            assertEquals(EnvProfile.DEV, EnvProfile.of(env), env);
        }
        for (String env : List.of("staging", "qa", "perf", "devops-prod", "products")) {
            assertEquals(EnvProfile.SHARED, EnvProfile.of(env), env);
            assertEquals("Retain", EnvProfile.of(env).reclaimPolicy());
        }
    }

    @Test
    void derivesPackageAndClassNamesFromTheAppName() {
        AppName name = AppName.parse("my-store2", AppKind.STATEFUL_AI, List.of("dev"));
        assertEquals("dev.statefulai.apps.mystore2", name.packageName());
        assertEquals("dev/statefulai/apps/mystore2", name.packagePath());
        assertEquals("MyStore2", name.classPrefix());
        assertEquals("prod", Scaffold.testEnvironment(List.of("dev", "prod", "staging")));
        assertEquals("qa", Scaffold.testEnvironment(List.of("dev", "qa")));
        assertEquals("dev", Scaffold.testEnvironment(List.of("dev")));
    }
}
