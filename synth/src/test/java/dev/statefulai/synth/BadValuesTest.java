package dev.statefulai.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.synth.demo.DemoRepo;
import dev.statefulai.synth.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input: the exact message, exit code 2, and dist/ left byte for byte as it was.
 */
class BadValuesTest {
    private static final String SIZE_RULE = "a Kubernetes quantity greater than zero, such as 500Mi, 10Gi or 2Ti (binary) "
            + "or 100G (decimal); 'GB' and 'MB' are not Kubernetes units";

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unknown key, near miss", "values-prod.yaml", "replica: 3\n", List.of(),
                        "apps/demo/values-prod.yaml:1: unknown key 'replica' (did you mean 'replicas'?); "
                                + "allowed keys here: image, namespace, replicas, resources, size, storageClass"),
                Arguments.of("unknown nested key", "values-prod.yaml", "storageClass:\n  reclaimPolcy: Retain\n", List.of(),
                        "apps/demo/values-prod.yaml:2: unknown key 'storageClass.reclaimPolcy' (did you mean 'reclaimPolicy'?); "
                                + "allowed keys here: backend, basePath, directoryPerms, diskEncryptionSetId, encrypted, fileSystemId, iops, "
                                + "kmsKeyId, mountOptions, name, reclaimPolicy, regional, server, share, throughput, volumeType"),
                Arguments.of("wrong type", "values-prod.yaml", "replicas: three\n", List.of(),
                        "apps/demo/values-prod.yaml:1: replicas: 'three' is not allowed; allowed: a whole number"),
                Arguments.of("number as a string", "values-prod.yaml", "replicas: \"3\"\n", List.of(),
                        "apps/demo/values-prod.yaml:1: replicas: '3' is not allowed; allowed: a whole number"),
                Arguments.of("mapping where a value belongs", "values-prod.yaml", "size:\n  value: 10Gi\n", List.of(),
                        "apps/demo/values-prod.yaml:1: size: a mapping is not allowed; allowed: a string"),
                Arguments.of("quantity with a non-Kubernetes unit", "values-prod.yaml", "size: 10GB\n", List.of(),
                        "apps/demo/values-prod.yaml:1: size: '10GB' is not allowed; allowed: " + SIZE_RULE),
                Arguments.of("negative quantity", "values-prod.yaml", "size: -1Gi\n", List.of(),
                        "apps/demo/values-prod.yaml:1: size: '-1Gi' is not allowed; allowed: " + SIZE_RULE),
                Arguments.of("name that is not DNS-1123", "values-prod.yaml", "namespace: Team_A\n", List.of(),
                        "apps/demo/values-prod.yaml:1: namespace: 'Team_A' is not allowed; allowed: a DNS-1123 label: at most 63 "
                                + "characters, lower-case letters, digits and '-', starting and ending with a letter or digit"),
                Arguments.of("value outside an enum", "values-prod.yaml", "storageClass:\n  reclaimPolicy: Keep\n", List.of(),
                        "apps/demo/values-prod.yaml:2: storageClass.reclaimPolicy: 'Keep' is not allowed; allowed: one of Retain, Delete"),
                Arguments.of("zero replicas", "values-prod.yaml", "replicas: 0\n", List.of(),
                        "apps/demo/values-prod.yaml:1: replicas: 0 is not allowed; allowed: an integer of 1 or more"),
                Arguments.of("value the construct refuses", "values-prod.yaml",
                        "resources:\n  memory: 4Gi\n  memoryLimit: 2Gi\n", List.of(),
                        "apps/demo (prod): Resources: prop 'resources.memoryLimit' is '2Gi'; allowed: at least the memory "
                                + "request 4Gi [set by apps/demo/values-prod.yaml:3 (resources.memoryLimit)]"),
                Arguments.of("not YAML", "values-prod.yaml", "replicas: [1,\n", List.of(),
                        "apps/demo/values-prod.yaml:2: not valid YAML: while parsing a flow node; expected the node content, but found '<stream end>'"),
                Arguments.of("duplicate key", "values-prod.yaml", "replicas: 1\nreplicas: 2\n", List.of(),
                        "apps/demo/values-prod.yaml:2: not valid YAML: Duplicate field 'replicas'"),
                Arguments.of("bad --set value", null, null, List.of("--set", "demo.replicas=-2"),
                        "--set demo.replicas=-2: replicas: -2 is not allowed; allowed: an integer of 1 or more"),
                Arguments.of("--set of an unknown app", null, null, List.of("--set", "dem.replicas=2"),
                        "--set dem.replicas=2: no app 'dem' (did you mean 'demo'?); apps: [demo]"),
                Arguments.of("--set without a key", null, null, List.of("--set", "replicas"),
                        "--set replicas: write <app>.<key>=<value>, e.g. vectorDb.replicas=5; apps: [demo]"),
                Arguments.of("unknown environment", null, null, List.of("--env", "prd"),
                        "--env prd: no app has values-prd.yaml (did you mean 'prod'?); environments: [dev, prod]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isReportedExactlyAndLeavesDistUntouched(String name, String file, String content, List<String> args, String expected) {
        DemoRepo repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        SortedMap<String, String> before = repo.dist();
        if (file != null) {
            repo.write("apps/demo/" + file, content);
        }
        String[] argv = Stream.concat(Stream.of("synth", "--root", tmp.toString()), args.stream()).toArray(String[]::new);
        CliRun run = CliRun.of(argv);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: 1 problem(s); dist/ was not changed\n  - " + expected + "\n", run.err());
        assertEquals(before, repo.dist(), "a failed run leaves dist/ as it was");
    }

    @Test
    void allProblemsOfARunAreReportedTogetherInFileAndLineOrder() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values.yaml", "namespace: demo\nimage: busybox:1.36\nsize: 10GB\nreplicas: 2\n");
        repo.write("apps/demo/values-prod.yaml", "replicas: 0\nsize: 100Gi\nstorageClas: {}\n");
        CliRun run = CliRun.of("synth", "--root", tmp.toString(), "--set", "demo.namespace=X");
        assertEquals(2, run.exitCode());
        assertEquals("""
                error: 4 problem(s); dist/ was not changed
                  - apps/demo/values-prod.yaml:1: replicas: 0 is not allowed; allowed: an integer of 1 or more
                  - apps/demo/values-prod.yaml:3: unknown key 'storageClas' (did you mean 'storageClass'?); allowed keys here: image, namespace, replicas, resources, size, storageClass
                  - apps/demo/values.yaml:3: size: '10GB' is not allowed; allowed: %s
                  - --set demo.namespace=X: namespace: 'X' is not allowed; allowed: a DNS-1123 label: at most 63 characters, lower-case letters, digits and '-', starting and ending with a letter or digit
                """.formatted(SIZE_RULE), run.err());
        assertEquals(List.of(), List.copyOf(repo.dist().keySet()), "nothing written");
    }
}
