package dev.statefulai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.engine.demo.DemoRepo;
import dev.statefulai.cli.testing.CliRun;
import dev.statefulai.gate.testing.TempGit;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} on a throw-away git repository: synthesize, commit, change values, synthesize, diff. */
class DiffCommandTest {
    @TempDir
    Path tmp;
    private DemoRepo repo;

    @BeforeEach
    void committedDist() throws Exception {
        repo = new DemoRepo(tmp);
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        TempGit.init(tmp).commitAll("dist");
    }

    @Test
    void noChangeSaysSo() {
        CliRun run = CliRun.of("diff", "--root", tmp.toString(), "--ref", "HEAD");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("dist/dev against HEAD: no changes\ndist/prod against HEAD: no changes\n", run.out());
    }

    @Test
    void showsChangedFieldsAndAddedObjects() {
        repo.write("apps/demo/values-prod.yaml", "replicas: 4\nsize: 100Gi\n");
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        CliRun run = CliRun.of("diff", "--root", tmp.toString(), "--ref", "HEAD", "--env", "prod");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("""
                dist/prod against HEAD:
                  ~ StatefulSet/demo/demo
                      spec.replicas: 3 -> 4
                """, run.out());
    }

    @Test
    void marksAChangeTheApiServerRejectsWithHowToRollItOut() {
        repo.write("apps/demo/values-prod.yaml", "replicas: 3\nsize: 200Gi\n");
        assertEquals(0, CliRun.of("synth", "--root", tmp.toString()).exitCode());
        CliRun run = CliRun.of("diff", "--root", tmp.toString(), "--ref", "HEAD", "--env", "prod");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().startsWith("""
                dist/prod against HEAD:
                  ~ StatefulSet/demo/demo
                      spec.volumeClaimTemplates[0].spec.resources.requests.storage: 100Gi -> 200Gi
                      ! IMM001 error: spec.volumeClaimTemplates changed: the API server rejects the update"""), run.out());
        assertTrue(run.out().contains("        how to roll out: kubectl -n demo delete statefulset demo --cascade=orphan"), run.out());
    }

    @Test
    void anUnknownEnvironmentIsAUsageError() {
        CliRun run = CliRun.of("diff", "--root", tmp.toString(), "--env", "qa");
        assertEquals(2, run.exitCode());
        assertEquals("error: --env qa: no dist/qa; environments in dist/: [dev, prod]\n", run.err());
    }

    @Test
    void aRefThatDoesNotExistIsAUsageErrorNamingIt() throws Exception {
        CliRun run = CliRun.of("diff", "--root", tmp.toString(), "--ref", "no-such-branch");
        assertEquals(2, run.exitCode(), run.out());
        assertEquals("", run.out());
        assertEquals("error: git ref 'no-such-branch' does not exist in the git repository at " + tmp.toRealPath() + "\n", run.err());
    }
}
