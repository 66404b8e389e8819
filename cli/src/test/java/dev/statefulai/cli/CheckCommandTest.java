package dev.statefulai.cli;

import dev.statefulai.gate.Report;
import dev.statefulai.gate.model.Rule;
import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import dev.statefulai.gate.testing.TempGit;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code check} command line: exit codes, text and JSON output, and the dist-level rules DIST001/DIST002. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private GateFixture broken() {
        return new GateFixture(tmp).file("prod", "app.yaml", GateFixture.cleanWith(1, "clusterIP: None", "clusterIP: 10.0.0.7"))
                .file("dev", "app.yaml", Docs.cleanSet());
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        Run r = run("check", "--help");
        assertEquals(0, r.exit());
        for (String word : List.of("--format", "--dist", "--ref", "--env", "--policy", "--list-rules", "usage error")) {
            assertTrue(r.out().contains(word), word + " missing in " + r.out());
        }
    }

    @Test
    void cleanDistExitsZeroWithASummary() {
        new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        Run r = run("check", "--dist", tmp.resolve("dist").toString(), "--ref", "");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*check: 0 error\\(s\\), 0 warning\\(s\\), 0 waived in 1 environment\\(s\\) \\[prod\\], \\d+\\.\\d\\d s\\n"), r.out());
    }

    @Test
    void errorsExitOneAndPrintRuleEnvironmentAndObject() {
        broken();
        Run r = run("check", "--dist", tmp.resolve("dist").toString(), "--ref", "");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("error   BIND011   prod     StatefulSet/data/db\n"), r.out());
    }

    @Test
    void envOptionSelectsEnvironments() {
        broken();
        assertEquals(0, run("check", "--dist", tmp.resolve("dist").toString(), "--ref", "", "--env", "dev").exit());
    }

    @Test
    void jsonOutputParsesAndHasEveryField() throws Exception {
        broken();
        Run r = run("check", "--dist", tmp.resolve("dist").toString(), "--ref", "", "--format", "json");
        assertEquals(1, r.exit());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("[\"dev\",\"prod\"]", root.get("environments").toString());
        JsonNode f = root.get("findings").get(0);
        assertEquals("BIND011", f.get("rule").asText());
        assertEquals("error", f.get("severity").asText());
        assertEquals("prod", f.get("environment").asText());
        assertEquals("StatefulSet", f.get("object").get("kind").asText());
        assertEquals("data", f.get("object").get("namespace").asText());
        assertEquals("db", f.get("object").get("name").asText());
        assertTrue(f.get("message").asText().startsWith("serviceName db names a Service that is not headless"));
        assertTrue(f.has("migration") && f.has("waiverReason"));
        assertEquals(false, f.get("waived").asBoolean());
        assertEquals(1, root.get("summary").get("errors").asInt());
        assertEquals(0, root.get("summary").get("warnings").asInt());
        assertTrue(root.get("summary").has("seconds") && root.get("summary").has("waived"));
    }

    @Test
    void usageErrorsExitTwo() {
        new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        String dist = tmp.resolve("dist").toString();
        Run unknownEnv = run("check", "--dist", dist, "--env", "qa");
        assertEquals(2, unknownEnv.exit());
        assertTrue(unknownEnv.err().contains("--env qa: no folder dist/qa; environments: [prod]"), unknownEnv.err());
        assertEquals(2, run("check", "--dist", tmp.resolve("nowhere").toString()).exit());
        assertEquals(2, run("check", "--dist", dist, "--format", "xml").exit());
        assertEquals(2, run("check", "--bogus").exit());
    }

    @Test
    void aRefThatDoesNotExistExitsTwoWithOneLineNamingIt() throws Exception {
        TempGit repo = TempGit.init(tmp);
        new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        repo.commitAll("dist");
        Run r = run("check", "--dist", tmp.resolve("dist").toString(), "--ref", "no-such-branch");
        assertEquals(2, r.exit(), r.out());
        assertEquals("", r.out());
        assertEquals("error: git ref 'no-such-branch' does not exist in the git repository at " + tmp.toRealPath() + "\n", r.err());
    }

    /** A misspelled key made every environment fall back to the global default, warning: prod's errors passed. */
    @Test
    void aPolicyFileWithATypoExitsTwoInsteadOfPassingProdsErrors() throws Exception {
        new GateFixture(tmp).file("prod", "app.yaml", GateFixture.cleanWith(0, "reclaimPolicy: Retain", "reclaimPolicy: Delete"));
        String dist = tmp.resolve("dist").toString();
        assertEquals(1, run("check", "--dist", dist, "--ref", "").exit());
        Path policy = tmp.resolve("policy.yaml");
        Files.writeString(policy, "enviroments:\n  prod: {default: error}\n");
        Run r = run("check", "--dist", dist, "--ref", "", "--policy", policy.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals("error: " + policy + ":1: enviroments: not a key of a policy file; allowed: default, environments\n", r.err());
    }

    /** A misspelled environment left prod to the default level (warnings) and check passed. */
    @Test
    void aPolicyForAnEnvironmentTheFolderDoesNotHaveExitsTwo() throws Exception {
        new GateFixture(tmp).file("prod", "app.yaml", GateFixture.cleanWith(0, "reclaimPolicy: Retain", "reclaimPolicy: Delete"));
        String dist = tmp.resolve("dist").toString();
        Path policy = tmp.resolve("policy.yaml");
        Files.writeString(policy, "default: warning\nenvironments:\n  prd: {default: error}\n");
        Run r = run("check", "--dist", dist, "--ref", "", "--policy", policy.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("error: " + policy + ": environments: prd: dist/ has no environment 'prd' (did you mean 'prod'?); allowed:"
                + " the environments checked: prod\n", r.err());
    }

    /** A binary file gave Jackson's two-line CharConversionException. */
    @Test
    void aPolicyFileThatIsNotUtf8ExitsTwoWithOneLine() throws Exception {
        new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet());
        Path policy = tmp.resolve("policy.bin");
        Files.write(policy, new byte[] {(byte) 0xC3, 0x28, 0, 1, 2, (byte) 0xFF});
        Run r = run("check", "--dist", tmp.resolve("dist").toString(), "--ref", "", "--policy", policy.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("error: " + policy + ":1: not UTF-8: byte 0xC3 at byte 1 of the line; save the file as UTF-8\n", r.err());
    }

    @Test
    void listRulesPrintsEveryRule() {
        Run r = run("check", "--list-rules");
        assertEquals(0, r.exit());
        for (Rule rule : Rule.values()) {
            assertTrue(r.out().contains(rule.id() + " "), rule.id());
        }
    }

    @Test
    void dist001DuplicatedObject() {
        Report report = new GateFixture(tmp).file("prod", "app.yaml", Docs.gp3(), Docs.gp3()).run();
        assertEquals(List.of("DIST001 error prod StorageClass/gp3: StorageClass/gp3 is defined 2 times in dist/prod/app.yaml"
                + " (identical copies): 'kubectl apply -k dist/prod' fails with 'already registered id'; emit it once"), lines(report));
    }

    @Test
    void dist002UnreadableFileAndDocumentWithoutKind() throws Exception {
        GateFixture fixture = new GateFixture(tmp).file("prod", "ok.yaml", Docs.gp3()).file("prod", "nokind.yaml", "{apiVersion: v1, metadata: {name: x}}");
        Files.writeString(fixture.dist.resolve("prod/bad.yaml"), "a: [unclosed\n");
        List<String> found = lines(fixture.run());
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("DIST002 error prod File/dist/prod/bad.yaml: not valid YAML: "), found.get(0));
        assertEquals("DIST002 error prod File/dist/prod/nokind.yaml: document 1 lacks apiVersion, kind or metadata.name", found.get(1));
    }

    @Test
    void kustomizationAndOutputsAreNotManifests() {
        Report report = new GateFixture(tmp).file("prod", "app.yaml", Docs.cleanSet())
                .file("prod", "kustomization.yaml", "{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [app.yaml]}")
                .file("prod", "outputs.json", "{}").run();
        assertEquals(List.of(), lines(report));
    }
}
