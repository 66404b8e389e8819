package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.cli.testing.CliRun;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * environments/&lt;env&gt;.yaml: each environment's cluster release and feature gates, written by synth into the
 * environment's Kustomization and read from there by check; a bad file is one line per problem, exit 2.
 */
class EnvironmentTargetTest extends DemoRepoTest {
    @Test
    void theTargetOfEachEnvironmentIsWrittenIntoItsKustomizationAndCheckedAgainst() {
        repo.write("environments/prod.yaml", "# prod runs 1.30\nkubernetesVersion: \"1.30\"\n");
        CliRun.synth(tmp).assertSucceeded();
        SortedMap<String, String> dist = repo.dist();
        assertTrue(dist.get("prod/Kustomization").startsWith("# Generated: every manifest of environment 'prod'.\n"
                + "# Target: Kubernetes 1.30 (environments/prod.yaml).\n"), dist.get("prod/Kustomization"));
        assertTrue(dist.get("dev/Kustomization").contains("\n# Target: Kubernetes 1.28 (the default: no environments/dev.yaml).\n"),
                dist.get("dev/Kustomization"));

        CliRun check = CliRun.of("check", "--root", tmp.toString(), "--ref", "");
        assertTrue(check.out().contains("note: targets: dev Kubernetes 1.28; prod Kubernetes 1.30\n"), check.out());
        CliRun overridden = CliRun.of("check", "--root", tmp.toString(), "--ref", "", "--kubernetes-version", "1.33",
                "--feature-gate", "ImageVolume");
        assertTrue(overridden.out().contains("note: targets: dev Kubernetes 1.33 with feature gates ImageVolume;"
                + " prod Kubernetes 1.33 with feature gates ImageVolume\n"), overridden.out());
    }

    @Test
    void aChangedTargetIsSynthesizedAgainThoughNoValuesChanged() {
        CliRun.synth(tmp).assertSucceeded();
        repo.write("environments/prod.yaml", "kubernetesVersion: \"1.31\"\nfeatureGates: [VolumeAttributesClass]\n");
        CliRun run = CliRun.synth(tmp).assertSucceeded();
        assertTrue(repo.dist().get("prod/Kustomization").contains(
                "# Target: Kubernetes 1.31 with feature gates VolumeAttributesClass (environments/prod.yaml).\n"));
        assertTrue(run.out().contains("(1 app-environment(s) unchanged since the last synth"), "dev is kept, prod is synthesized: " + run.out());
    }

    /** A case of environments/prod.yaml holding {@code content}, refused at its {@code line} with {@code message}. */
    private static Arguments atLine(String name, String content, int line, String message) {
        return Arguments.of(name, content, "environments/prod.yaml:" + line + ": " + message);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                atLine("an unquoted version", "kubernetesVersion: 1.30\n", 1,
                        "kubernetesVersion: 1.30 is not allowed (unquoted, YAML reads it as the number 1.3);"
                                + " allowed: a release from 1.28 to 1.34, quoted, e.g. \"1.31\""),
                atLine("a release without a schema", "kubernetesVersion: \"1.27\"\n", 1,
                        "kubernetesVersion: '1.27' is not allowed; allowed: a release from 1.28 to 1.34, quoted, e.g. \"1.31\""),
                atLine("an unknown key", "kubernetesVersoin: \"1.30\"\n", 1,
                        "unknown key 'kubernetesVersoin' (did you mean 'kubernetesVersion'?); allowed: kubernetesVersion, featureGates"),
                atLine("an unknown gate", "kubernetesVersion: \"1.33\"\nfeatureGates: [ImageVolumes]\n", 2,
                        "featureGates[0]: \"ImageVolumes\" is not allowed (did you mean 'ImageVolume'?);"
                                + " allowed: VolumeAttributesClass, ImageVolume"),
                atLine("a gate the release does not have", "kubernetesVersion: \"1.30\"\nfeatureGates:\n  - ImageVolume\n", 3,
                        "featureGates[0]: 'ImageVolume' is not allowed with kubernetesVersion 1.30: Kubernetes 1.30 has"
                                + " no such gate (alpha from 1.31 (off by default), beta from 1.33 (off by default), beta from 1.35 (on by default), ga from 1.36)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadEnvironmentFileIsOneLineAndDistIsKept(String name, String content, String expected) {
        CliRun.synth(tmp).assertSucceeded();
        SortedMap<String, String> before = repo.dist();
        repo.write("environments/prod.yaml", content);
        CliRun.synth(tmp).assertRefused(expected);
        assertEquals(before, repo.dist());
    }

    /** A file named environments, where the folder of environment files goes, took every environment to the default release. */
    @Test
    void aFileWhereTheEnvironmentsFolderGoesIsRefused() throws Exception {
        repo.write("environments/prod.yaml", "kubernetesVersion: \"1.30\"\n");
        CliRun.synth(tmp).assertSucceeded();
        SortedMap<String, String> before = repo.dist();
        dev.statefulai.engine.files.FileTrees.delete(tmp.resolve("environments"));
        repo.write("environments", "kubernetesVersion: \"1.30\"\n");
        CliRun.synth(tmp).assertRefused("environments: not a folder; allowed: a folder of <env>.yaml files, each naming the"
                + " cluster of one environment");
        assertEquals(before, repo.dist());
    }

    @Test
    void aFileForAnEnvironmentThatIsNoneIsATypo() {
        repo.write("environments/prd.yaml", "kubernetesVersion: \"1.30\"\n");
        CliRun.synth(tmp).assertRefused("environments/prd.yaml: no app has values-prd.yaml, so there is no"
                + " environment 'prd' (did you mean 'prod'?); environments: [dev, prod]");
    }

    @Test
    void aBadTargetForCheckIsOneLine() {
        CliRun run = CliRun.of("check", "--root", tmp.toString(), "--kubernetes-version", "1.40");
        assertEquals(2, run.exitCode());
        assertEquals("error: --kubernetes-version 1.40 is not allowed; allowed: 1.28 to 1.34, e.g. 1.31\n", run.err());
        CliRun gate = CliRun.of("check", "--root", tmp.toString(), "--kubernetes-version", "1.30", "--feature-gate", "ImageVolume");
        assertEquals(2, gate.exitCode());
        assertTrue(gate.err().startsWith("error: --feature-gate ImageVolume is not allowed with --kubernetes-version 1.30"), gate.err());
    }
}
