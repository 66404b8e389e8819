package dev.statefulai.gate;

import dev.statefulai.facts.EnvironmentName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.rules.PolicyConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aMisspelledOrMisplacedKeyIsRefused() throws IOException {
        assertEquals(file("enviroments: not a key of a policy file; allowed: default, environments", 1),
                refused("enviroments:\n  prod: {default: error}\n"));
        assertEquals(file("prod: not a key of a policy file; allowed: default, environments", 2),
                refused("default: warning\nprod: {POL001: fatal}\n"));
    }

    @Test
    void aValueOfTheWrongShapeIsRefused() throws IOException {
        assertEquals(file("environments: a list; allowed: a mapping of environment names to their levels,"
                + " e.g. prod: {default: error}", 1), refused("environments: [prod]\n"));
        assertEquals(file("environments.prod: a single value; allowed: a mapping of " + POLICY_RULES
                + " to error, warning or off, e.g. {default: error, POL001: warning}", 1), refused("environments: {prod: error}\n"));
        assertEquals(file("default: a mapping; allowed: error, warning, off", 1), refused("default: {prod: error}\n"));
        assertEquals(file("environments.Prod: not an environment name; allowed: " + EnvironmentName.RULE, 2),
                refused("environments:\n  Prod: {default: error}\n"));
    }

    @Test
    void aDuplicatedKeyIsRefusedInsteadOfTheLastOneWinning() throws IOException {
        assertEquals(file("environments: given twice (first at line 1); allowed: each key once", 3),
                refused("environments:\n  prod: {default: error}\nenvironments:\n  prod: {default: warning}\n"));
        assertEquals(file("environments.prod.POL001: given twice (first at line 3); allowed: each key once", 4),
                refused("environments:\n  prod:\n    POL001: error\n    POL001: off\n"));
    }

    @Test
    void anUnknownLevelOrRuleIdIsRefused() throws IOException {
        assertEquals(file("environments.prod.POL001: 'fatal' is not allowed; allowed: error, warning, off", 2),
                refused("environments:\n  prod: {POL001: fatal}\n"));
        assertEquals(file("default: 'fatal' is not allowed; allowed: error, warning, off", 1), refused("default: fatal\n"));
        assertEquals(file("environments.prod.BIND001: not a policy rule id; allowed: " + POLICY_RULES, 3),
                refused("environments:\n  prod:\n    BIND001: off\n"));
    }

    @Test
    void contentThatIsNotOnePolicyMappingIsRefused() throws IOException {
        assertEquals(file("not UTF-8: byte 0xFF at byte 3 of the line; save the file as UTF-8", 2),
                refused(new byte[] {'d', ':', '\n', ' ', ' ', (byte) 0xFF, (byte) 0xFE, '\n'}));
        assertEquals(file + ": holds no policy; allowed: a mapping with the keys default and environments", refused("# nothing\n"));
        assertEquals(file("a second YAML document starts here; allowed: one document", 3), refused("default: error\n---\ndefault: off\n"));
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
