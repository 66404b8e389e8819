package dev.statefulai.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statefulai.facts.EnvironmentName;
import dev.statefulai.facts.yaml.NestingLimit;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.rules.PolicyConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The --policy file is read strictly: every mistake in it could otherwise turn prod's errors into warnings (an
 * environment it does not set falls back to the global default), so each is refused with the file, line and key.
 */
class PolicyFileTest {
    private static final String POLICY_RULES = "default, POL001, POL002, POL003, POL004, POL005, POL006, POL007,"
            + " POD001, POD002, POD003, POD004, POD005";

    @TempDir
    Path tmp;

    private Path file;

    private String refused(String text) throws IOException {
        return refused(text.getBytes(StandardCharsets.UTF_8));
    }

    private String refused(byte[] bytes) throws IOException {
        file = tmp.resolve("policy.yaml");
        Files.write(file, bytes);
        return assertThrows(IllegalArgumentException.class, () -> PolicyConfig.load(file)).getMessage();
    }

    /** A mistake in the file: what it is about, the file's text, the line refused and the problem there. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a misspelled key", "enviroments:\n  prod: {default: error}\n", 1,
                        "enviroments: not a key of a policy file; allowed: default, environments"),
                Arguments.of("a misplaced environment", "default: warning\nprod: {POL001: fatal}\n", 2,
                        "prod: not a key of a policy file; allowed: default, environments"),
                Arguments.of("environments as a list", "environments: [prod]\n", 1,
                        "environments: a list; allowed: a mapping of environment names to their levels, e.g. prod: {default: error}"),
                Arguments.of("an environment's level alone", "environments: {prod: error}\n", 1, "environments.prod: a single value;"
                        + " allowed: a mapping of " + POLICY_RULES + " to error, warning or off, e.g. {default: error, POL001: warning}"),
                Arguments.of("default as a mapping", "default: {prod: error}\n", 1, "default: a mapping; allowed: error, warning, off"),
                Arguments.of("an environment that is no name", "environments:\n  Prod: {default: error}\n", 2,
                        "environments.Prod: not an environment name; allowed: " + EnvironmentName.RULE),
                Arguments.of("environments twice", "environments:\n  prod: {default: error}\nenvironments:\n  prod: {default: warning}\n",
                        3, "environments: given twice (first at line 1); allowed: each key once"),
                Arguments.of("a rule twice", "environments:\n  prod:\n    POL001: error\n    POL001: off\n", 4,
                        "environments.prod.POL001: given twice (first at line 3); allowed: each key once"),
                Arguments.of("an unknown level", "environments:\n  prod: {POL001: fatal}\n", 2,
                        "environments.prod.POL001: 'fatal' is not allowed; allowed: error, warning, off"),
                Arguments.of("an unknown default level", "default: fatal\n", 1, "default: 'fatal' is not allowed; allowed: error, warning, off"),
                Arguments.of("a rule that is not the policy's", "environments:\n  prod:\n    BIND001: off\n", 3,
                        "environments.prod.BIND001: not a policy rule id; allowed: " + POLICY_RULES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsRefusedWithTheFileLineAndKey(String about, String text, int line, String problem) throws IOException {
        assertEquals(file(problem, line), refused(text));
    }

    @Test
    void contentThatIsNotOnePolicyMappingIsRefused() throws IOException {
        assertEquals(file("not UTF-8: byte 0xFF at byte 3 of the line; save the file as UTF-8", 2),
                refused(new byte[] {'d', ':', '\n', ' ', ' ', (byte) 0xFF, (byte) 0xFE, '\n'}));
        assertEquals(file + ": holds no policy; allowed: a mapping with the keys default and environments", refused("# nothing\n"));
        assertEquals(file("a second YAML document starts here; allowed: one document", 3), refused("default: error\n---\ndefault: off\n"));
    }

    /** SnakeYAML Engine composes by recursion: 5,000 levels ended in a StackOverflowError, a stack trace and exit 1. */
    @Test
    void aFileNestedTooDeepIsRefusedAtItsLine() throws IOException {
        assertEquals(file(NestingLimit.problem(false), 2), refused("default: warning\nenvironments: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
    }

    @Test
    void aValidFileKeepsItsLevels() throws IOException {
        Path valid = tmp.resolve("valid.yaml");
        Files.writeString(valid, "default: Warning\nenvironments:\n  prod: {default: error, pol006: warning}\n  dev: {default: off}\n");
        PolicyConfig config = PolicyConfig.load(valid);
        assertEquals(PolicyConfig.Level.ERROR, config.level("prod", Rule.POL001));
        assertEquals(PolicyConfig.Level.WARNING, config.level("prod", Rule.POL006));
        assertEquals(PolicyConfig.Level.OFF, config.level("dev", Rule.POD005));
        assertEquals(PolicyConfig.Level.WARNING, config.level("qa", Rule.POL001));
    }

    private String file(String problem, int line) {
        return tmp.resolve("policy.yaml") + ":" + line + ": " + problem;
    }
}
