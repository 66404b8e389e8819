package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.cli.testing.CliRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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

    private static final String WHOLE_NUMBER_DIGITS = "a whole number in decimal digits, such as 8 or 1000; a leading 0, 0x, 0o, 0b "
            + "or '_' is refused: YAML 1.1 and YAML 1.2 read it differently (010 is 8 in one and 10 in the other)";

    /** The problem of lists and mappings nested too deep, after the file and line. */
    private static final String NESTED_TOO_DEEP = "nested deeper than 100 levels of lists and mappings; allowed: at most 100";

    /** The end of the message for an unknown top-level key of the demo app. */
    private static final String DEMO_KEYS = "allowed keys here: backup, image, namespace, replicas, resources, size, storageClass";

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return Stream.of(
                inProd("unknown key, near miss", "replica: 3\n", 1,
                        "unknown key 'replica' (did you mean 'replicas'?); "
                                + DEMO_KEYS),
                inProd("unknown nested key", "storageClass:\n  reclaimPolcy: Retain\n", 2,
                        "unknown key 'storageClass.reclaimPolcy' (did you mean 'reclaimPolicy'?); "
                                + "allowed keys here: backend, basePath, directoryPerms, diskEncryptionSetId, encrypted, fileSystemId, iops, "
                                + "kmsKeyId, mountOptions, name, reclaimPolicy, regional, server, share, throughput, volumeType"),
                inProd("wrong type", "replicas: three\n", 1, "replicas: 'three' is not allowed; allowed: a whole number"),
                inProd("number as a string", "replicas: \"3\"\n", 1, "replicas: '3' is not allowed; allowed: a whole number"),
                // It said "allowed: see the app's values record".
                inProd("number too large for its field", "replicas: 2147483648\n", 1,
                        "replicas: '2147483648' is not allowed; allowed: a whole number from -2147483648 to 2147483647"),
                inProd("mapping where a value belongs", "size:\n  value: 10Gi\n", 1, "size: a mapping is not allowed; allowed: a string"),
                inProd("quantity with a non-Kubernetes unit", "size: 10GB\n", 1, "size: '10GB' is not allowed; allowed: " + SIZE_RULE),
                inProd("negative quantity", "size: -1Gi\n", 1, "size: '-1Gi' is not allowed; allowed: " + SIZE_RULE),
                inProd("name that is not DNS-1123", "namespace: Team_A\n", 1,
                        "namespace: 'Team_A' is not allowed; allowed: a DNS-1123 label: at most 63 "
                                + "characters, lower-case letters, digits and '-', starting and ending with a letter or digit"),
                inProd("value outside an enum", "storageClass:\n  reclaimPolicy: Keep\n", 2,
                        "storageClass.reclaimPolicy: 'Keep' is not allowed; allowed: one of Retain, Delete"),
                inProd("zero replicas", "replicas: 0\n", 1, "replicas: 0 is not allowed; allowed: an integer of 1 or more"),
                inProd("value the construct refuses", "resources:\n  memory: 4Gi\n  memoryLimit: 2Gi\n",
                        "apps/demo (prod): Resources: prop 'resources.memoryLimit' is '2Gi'; allowed: at least the memory "
                                + "request 4Gi [set by apps/demo/values-prod.yaml:3 (resources.memoryLimit)]"),
                inProd("not YAML", "replicas: [1,\n", 2,
                        "not valid YAML: while parsing a flow node; expected the node content, but found '<stream end>'"),
                inProd("lists nested 2,000 deep", "replicas: 3\nimage: " + "[".repeat(2000) + "]".repeat(2000) + "\n", 2, NESTED_TOO_DEEP),
                inProd("mappings nested 3,000 deep", "image: " + "{a: ".repeat(3000) + "1" + "}".repeat(3000) + "\n", 1, NESTED_TOO_DEEP),
                withArgs("--set of a value nested 2,000 deep", List.of("--set", "demo.image=" + "[".repeat(2000) + "]".repeat(2000)),
                        "--set demo.image=" + "[".repeat(2000) + "]".repeat(2000) + ": the value is " + NESTED_TOO_DEEP),
                inProd("duplicate key", "replicas: 1\nreplicas: 2\n", 2, "duplicate key 'replicas' (first at line 1)"),
                inProd("YAML 1.1 octal", "replicas: 010\n", 1, "replicas: '010' is not allowed; allowed: " + WHOLE_NUMBER_DIGITS),
                inProd("hex", "replicas: 0x10\n", 1, "replicas: '0x10' is not allowed; allowed: " + WHOLE_NUMBER_DIGITS),
                inProd("digit separators", "replicas: 1_000\n", 1, "replicas: '1_000' is not allowed; allowed: " + WHOLE_NUMBER_DIGITS),
                withArgs("YAML 1.1 octal in --set", List.of("--set", "demo.replicas=010"),
                        "--set demo.replicas=010: replicas: '010' is not allowed; allowed: " + WHOLE_NUMBER_DIGITS),
                inProd("YAML 1.1 boolean", "storageClass:\n  encrypted: yes\n", 2,
                        "storageClass.encrypted: 'yes' is not allowed; allowed: true or false "
                                + "(YAML 1.1 read yes as a boolean; YAML 1.2 reads a string)"),
                inProd("a key without a value", "replicas:\nsize: 100Gi\n", 1,
                        "replicas: no value is not allowed; allowed: a whole number; "
                                + "write null to keep the default"),
                inProd("a second document", "replicas: 3\n---\nreplicas: 4\n", 3,
                        "a second YAML document starts here; a values file holds one document: "
                                + "remove the '---' line or move the second document to a file of its own"),
                inProd("a merge key of a single value", "resources:\n  <<: 3\n", 2,
                        "resources.<<: the merge key takes a mapping or a list of mappings, such as "
                                + "'<<: *defaults', not a single value"),
                inProd("a look-alike key: Cyrillic letters", "r\u0435pli\u0441as: 3\n", 1,
                        "unknown key 'r\u0435pli\u0441as' (character 2 is U+0435 CYRILLIC SMALL LETTER IE, "
                                + "character 6 is U+0441 CYRILLIC SMALL LETTER ES; did you mean 'replicas'?); "
                                + DEMO_KEYS),
                inProd("a look-alike key: zero-width space", "rep\u200blicas: 3\n", 1,
                        "unknown key 'rep\u200blicas' (character 4 is U+200B ZERO WIDTH SPACE; "
                                + "did you mean 'replicas'?); " + DEMO_KEYS),
                withArgs("--set into an element of a mapping", List.of("--set", "demo.storageClass[0].name=x"),
                        "--set demo.storageClass[0].name=x: storageClass is a mapping, not a list: write storageClass.name"),
                withArgs("--set into a list the values do not set", List.of("--set", "demo.storageClass.mountOptions[0]=ro"),
                        "--set demo.storageClass.mountOptions[0]=ro: storageClass.mountOptions is not set in the values files; --set changes "
                                + "an entry of a list they set, so write the whole list in a values file"),
                withArgs("--set of an index beyond any list", List.of("--set", "demo.storageClass.mountOptions[99999999999]=ro"),
                        "--set demo.storageClass.mountOptions[99999999999]=ro: the index 99999999999 is not allowed; allowed: "
                                + "from 0 to the last index of the list"),
                withArgs("--set of a key 5,000 levels deep", List.of("--set", "demo.resources." + "a.".repeat(5000) + "b=1"),
                        "--set demo.resources." + "a.".repeat(5000) + "b=1: the key is " + NESTED_TOO_DEEP),
                withArgs("bad --set value", List.of("--set", "demo.replicas=-2"),
                        "--set demo.replicas=-2: replicas: -2 is not allowed; allowed: an integer of 1 or more"),
                withArgs("--set of an unknown app", List.of("--set", "dem.replicas=2"),
                        "--set dem.replicas=2: no app 'dem' (did you mean 'demo'?); apps: [demo]"),
                withArgs("--set without a key", List.of("--set", "replicas"),
                        "--set replicas: write <app>.<key>=<value>, e.g. vectorDb.replicas=5; apps: [demo]"),
                withArgs("unknown environment", List.of("--env", "prd"),
                        "--env prd: no app has values-prd.yaml (did you mean 'prod'?); environments: [dev, prod]"));
    }

    /** A case whose values-prod.yaml holds {@code content}, refused at its {@code line}: the message starts with the file and line. */
    private static Arguments inProd(String name, String content, int line, String message) {
        return inProd(name, content, "apps/demo/values-prod.yaml:" + line + ": " + message);
    }

    /** A case whose values-prod.yaml holds {@code content}, refused with {@code expected}. */
    private static Arguments inProd(String name, String content, String expected) {
        return Arguments.of(name, "values-prod.yaml", content, List.of(), expected);
    }

    /** A case of good values files and bad command-line {@code args}. */
    private static Arguments withArgs(String name, List<String> args, String expected) {
        return Arguments.of(name, null, null, args, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isReportedExactlyAndLeavesDistUntouched(String name, String file, String content, List<String> args, String expected) {
        assertReported(repo -> {
            if (file != null) {
                repo.write("apps/demo/" + file, content);
            }
        }, args, expected);
    }

    /** After a good synth, {@code change} makes the input bad: the synth reports exactly {@code expected} and keeps dist/. */
    /** The demo repository, synthesized once. */
    private DemoRepo synthesizedDemo() {
        DemoRepo repo = new DemoRepo(tmp);
        CliRun.synth(tmp).assertSucceeded();
        return repo;
    }

    private void assertReported(Consumer<DemoRepo> change, List<String> args, String... expected) {
        DemoRepo repo = synthesizedDemo();
        SortedMap<String, String> before = repo.dist();
        change.accept(repo);
        CliRun.synth(tmp, args.toArray(String[]::new)).assertRefused(expected);
        assertEquals(before, repo.dist(), "a failed run leaves dist/ as it was");
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() {
        assertReported(repo -> repo.writeBytes("apps/demo/values-prod.yaml",
                        "replicas: 3\n# caf\u00e9\nsize: 100Gi\n".getBytes(StandardCharsets.ISO_8859_1)), List.of(),
                "apps/demo/values-prod.yaml:2: not UTF-8: byte 0xE9 at byte 6 of the line; save the file as UTF-8");
    }

    @Test
    void utf16IsRefusedAndAUtf8ByteOrderMarkIsRead() {
        assertReported(repo -> repo.writeBytes("apps/demo/values-prod.yaml", "\uFEFFreplicas: 3\n".getBytes(StandardCharsets.UTF_16BE)),
                List.of(), "apps/demo/values-prod.yaml:1: encoded as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values-prod.yaml", "\uFEFFreplicas: 4\nsize: 100Gi\n");
        CliRun.synth(tmp).assertSucceeded();
        assertTrue(repo.dist().get("prod/demo.yaml").contains("replicas: 4"));
    }

    @Test
    void aDanglingSymbolicLinkIsAnError() {
        assertReported(repo -> repo.link("apps/demo/values-prod.yaml", "gone.yaml"), List.of(), "apps/demo/values-prod.yaml: a symbolic link to 'gone.yaml', which does not exist; allowed: regular files and links to them");
    }

    @Test
    void aDanglingValuesYamlIsAnErrorNotAnAppThatIsGone() {
        assertReported(repo -> repo.link("apps/demo/values.yaml", "../shared/demo.yaml"), List.of(), "apps/demo/values.yaml: a symbolic link to '../shared/demo.yaml', which does not exist; allowed: regular files and links to them");
    }

    @Test
    void anUnreadableAppFolderIsAnErrorNotAnAppThatIsGone() throws IOException {
        DemoRepo repo = synthesizedDemo();
        SortedMap<String, String> before = repo.dist();
        Path app = tmp.resolve("apps/demo");
        // No permissions, read alone (its files cannot be looked at), search alone (it cannot be listed).
        for (String permissions : List.of("---------", "r--r--r--", "-wx-wx-wx")) {
            Files.setPosixFilePermissions(app, PosixFilePermissions.fromString(permissions));
            try {
                CliRun.synthBoundByPermissions(tmp).assertRefused("apps/demo: cannot be read: permission denied");
            } finally {
                Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            assertEquals(before, repo.dist(), permissions + ": a failed run leaves dist/ as it was");
        }
    }

    @Test
    void anEnvironmentFileNestedTooDeepIsAnError() {
        assertReported(repo -> repo.write("environments/prod.yaml", "featureGates: " + "[".repeat(2000) + "]".repeat(2000) + "\n"),
                List.of(), "environments/prod.yaml:1: " + NESTED_TOO_DEEP);
    }

    @Test
    void aFolderNamedLikeAValuesFileIsAnError() {
        assertReported(repo -> repo.replaceWithFolder("apps/demo/values-prod.yaml"), List.of(), "apps/demo/values-prod.yaml: a folder, not a file; allowed: regular files and links to them");
    }

    /** Just over the limit, it said "1.0 MiB; ... at most 1 MiB": sizes are rounded up. */
    @Test
    void aFileJustOverTheLimitDoesNotReadAsWithinIt() {
        assertReported(repo -> repo.write("apps/demo/values-prod.yaml", "image: " + "a".repeat(1_100_000) + "\n"), List.of(),
                "apps/demo/values-prod.yaml: 1.1 MiB; allowed: a values file of at most 1 MiB");
    }

    @Test
    void aFiveMegabyteSingleLineIsRefusedAtOnce() {
        assertReported(repo -> repo.write("apps/demo/values-prod.yaml", "image: " + "a".repeat(5_000_000) + "\n"), List.of(),
                "apps/demo/values-prod.yaml: 4.8 MiB; allowed: a values file of at most 1 MiB");
    }

    @Test
    void aValuesFileOfGigabytesIsRefusedWithoutBeingRead() {
        assertReported(repo -> {
            // Sparse: three gigabytes that take no room, more than a Java array holds.
            try (RandomAccessFile file = new RandomAccessFile(tmp.resolve("apps/demo/values-prod.yaml").toFile(), "rw")) {
                file.setLength(3L << 30);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, List.of(), "apps/demo/values-prod.yaml: 3072.0 MiB; allowed: a values file of at most 1 MiB");
    }

    @Test
    void aDeviceForAValuesFileIsRefusedWithoutBeingRead() {
        assertReported(repo -> repo.link("apps/demo/values-prod.yaml", "/dev/zero"), List.of(),
                "apps/demo/values-prod.yaml: not a regular file (a device, socket or pipe); allowed: regular files and links to them");
    }

    @Test
    void aPipeForAValuesFileIsRefusedWithoutBeingOpened() throws Exception {
        DemoRepo repo = synthesizedDemo();
        SortedMap<String, String> before = repo.dist();
        Path pipe = tmp.resolve("apps/demo/values-prod.yaml");
        Files.delete(pipe);
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "no mkfifo here");
        // A writer of a pipe waits for its reader: the synth lets it through if it opens the pipe.
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(pipe, "replicas: 3\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        try {
            CliRun.synth(tmp, "--full").assertRefused("apps/demo/values-prod.yaml: not a regular file (a device, socket or pipe); allowed: regular files and links to them");
            assertTrue(writer.isAlive(), "the synth opened the pipe");
        } finally {
            if (writer.isAlive()) {
                Files.readAllBytes(pipe);
            }
            writer.join();
        }
        assertEquals(before, repo.dist(), "a failed run leaves dist/ as it was");
    }

    @Test
    void valuesProblemsAndConstructRefusalsOfOneAppComeTogether() {
        assertReported(repo -> repo.write("apps/demo/values-prod.yaml", "size: 10GB\nresources:\n  memory: 4Gi\n  memoryLimit: 2Gi\n"),
                List.of(),
                "apps/demo/values-prod.yaml:1: size: '10GB' is not allowed; allowed: " + SIZE_RULE,
                "apps/demo (prod): Resources: prop 'resources.memoryLimit' is '2Gi'; allowed: at least the memory "
                        + "request 4Gi [set by apps/demo/values-prod.yaml:4 (resources.memoryLimit)]");
    }

    @Test
    void everyRefusalOfAnAppIsReportedNotOnlyTheFirst() {
        assertReported(repo -> repo.write("apps/demo/values-prod.yaml",
                        "storageClass:\n  backend: efs\n  iops: 3000\nresources:\n  memory: 4Gi\n  memoryLimit: 2Gi\n"),
                List.of(),
                "apps/demo (prod): storageClass: prop 'storageClass.iops' is 3000; allowed: nothing for backend efs: iops belongs "
                        + "to another backend [set by apps/demo/values-prod.yaml:3 (storageClass.iops)]",
                "apps/demo (prod): Resources: prop 'resources.memoryLimit' is '2Gi'; allowed: at least the memory "
                        + "request 4Gi [set by apps/demo/values-prod.yaml:6 (resources.memoryLimit)]");
    }

    @Test
    void setAndEnvironmentMistakesComeWithTheValuesProblems() {
        assertReported(repo -> {
            repo.write("apps/demo/values-prod.yaml", "replicas: 0\n");
            repo.write("apps/demo/values.yaml", "namespace: demo\nimage: [busybox\n");
        }, List.of("--set", "dem.replicas=2", "--env", "prd", "--env", "prod"),
                "apps/demo/values-prod.yaml:1: replicas: 0 is not allowed; allowed: an integer of 1 or more",
                "apps/demo/values.yaml:3: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>",
                "--env prd: no app has values-prd.yaml (did you mean 'prod'?); environments: [dev, prod]",
                "--set dem.replicas=2: no app 'dem' (did you mean 'demo'?); apps: [demo]");
    }

    @Test
    void allProblemsOfARunAreReportedTogetherInFileAndLineOrder() {
        DemoRepo repo = new DemoRepo(tmp);
        repo.write("apps/demo/values.yaml", "namespace: demo\nimage: busybox:1.36\nsize: 10GB\nreplicas: 2\n");
        repo.write("apps/demo/values-prod.yaml", "replicas: 0\nsize: 100Gi\nstorageClas: {}\n");
        CliRun.synth(tmp, "--set", "demo.namespace=X").assertRefused(
                "apps/demo/values-prod.yaml:1: replicas: 0 is not allowed; allowed: an integer of 1 or more",
                "apps/demo/values-prod.yaml:3: unknown key 'storageClas' (did you mean 'storageClass'?); allowed keys here: backup, image,"
                        + " namespace, replicas, resources, size, storageClass",
                "apps/demo/values.yaml:3: size: '10GB' is not allowed; allowed: " + SIZE_RULE,
                "--set demo.namespace=X: namespace: 'X' is not allowed; allowed: a DNS-1123 label: at most 63 characters, lower-case"
                        + " letters, digits and '-', starting and ending with a letter or digit");
        assertEquals(List.of(), List.copyOf(repo.dist().keySet()), "nothing written");
    }
}
