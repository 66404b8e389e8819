package dev.statefulai.constructs.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Qdrant's hooks as Velero runs them in the container ({@code bash -c}), against a stand-in for Qdrant's HTTP API
 * (https://qdrant.tech/documentation/concepts/snapshots/: GET /collections, POST and GET
 * /collections/{name}/snapshots, DELETE /collections/{name}/snapshots/{snapshot}) that records each request.
 */
class BackupHooksTest {
    private HttpServer qdrant;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int snapshotStatus = 200;
    /** More JSON at the end of every answer. */
    private volatile String padding = "";

    @BeforeEach
    void qdrant() throws IOException {
        qdrant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        qdrant.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + (exchange.getRequestHeaders().containsKey("api-key") ? " key=" + exchange.getRequestHeaders().getFirst("api-key") : "");
            requests.add(request);
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String body = "{\"result\":true,\"status\":\"ok\"}";
            if (path.equals("/collections")) {
                body = "{\"result\":{\"collections\":[{\"name\":\"docs\"},{\"name\":\"faq\"}]},\"status\":\"ok\",\"time\":0.1}";
            } else if (path.endsWith("/snapshots") && exchange.getRequestMethod().equals("GET")) {
                String c = path.split("/")[2];
                body = "{\"result\":[{\"name\":\"" + c + "-7-2024-06-02-03-00-00.snapshot\",\"size\":1},{\"name\":\"" + c
                        + "-7-2024-06-01-03-00-00.snapshot\",\"size\":1}],\"status\":\"ok\"}";
            } else if (path.endsWith("/snapshots")) {
                status = snapshotStatus;
            }
            byte[] bytes = (body.substring(0, body.length() - 1) + padding + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        qdrant.start();
    }

    @AfterEach
    void stop() {
        qdrant.stop(0);
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the hook of {@code phase} as Velero would: the annotation's command, in the container. */
    private Run run(String phase, Map<String, String> env) throws Exception {
        BackupHooks hooks = BackupHooks.qdrantSnapshots("vector-db", qdrant.getAddress().getPort(), "30m");
        String command = hooks.annotations().get(phase + ".hook.backup.velero.io/command");
        List<String> argv = List.of(new ObjectMapper().readValue(command, String[].class));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void beforeTheBackupEveryCollectionIsSnapshottedThroughQdrantsApi() throws Exception {
        Run run = run("pre", Map.of());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("GET /collections", "POST /collections/docs/snapshots?wait=true", "POST /collections/faq/snapshots?wait=true"),
                requests);
    }

    @Test
    void afterTheBackupAllButTheNewestSnapshotOfEachCollectionAreDeleted() throws Exception {
        Run run = run("post", Map.of());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("GET /collections", "GET /collections/docs/snapshots",
                "DELETE /collections/docs/snapshots/docs-7-2024-06-01-03-00-00.snapshot?wait=true",
                "GET /collections/faq/snapshots", "DELETE /collections/faq/snapshots/faq-7-2024-06-01-03-00-00.snapshot?wait=true"), requests);
    }

    @Test
    void anAnswerLargerThanAPipeIsReadWhole() throws Exception {
        // 256 KiB of answer: reading its status line must not end the hook with SIGPIPE (exit 141 under pipefail).
        padding = ",\"padding\":\"" + "x".repeat(256 * 1024) + "\"";
        Run run = run("pre", Map.of());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(3, requests.size(), requests.toString());
    }

    @Test
    void aFailedSnapshotFailsTheHookAndSoTheBackup() throws Exception {
        snapshotStatus = 500;
        Run run = run("pre", Map.of());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.output().contains("POST /collections/docs/snapshots?wait=true answered 500"), run.output());
        assertEquals(2, requests.size(), "stops at the first failure: " + requests);
    }

    @Test
    void theNodesApiKeyIsSentAsQdrantReadsIt() throws Exception {
        assertEquals(0, run("pre", Map.of("QDRANT__SERVICE__API_KEY", "s3cret")).exitCode());
        assertEquals("GET /collections key=s3cret", requests.get(0));
    }

    /** site/content/docs/v1.18/backup-hooks.md: the command as a JSON array, the container, on-error Fail or Continue, a timeout. */
    @Test
    void theHooksAreVelerosPodAnnotations() {
        Map<String, String> annotations = BackupHooks.qdrantSnapshots("vector-db", 6333, "30m").annotations();
        assertEquals("vector-db", annotations.get("pre.hook.backup.velero.io/container"));
        assertEquals("Fail", annotations.get("pre.hook.backup.velero.io/on-error"));
        assertEquals("Continue", annotations.get("post.hook.backup.velero.io/on-error"));
        assertEquals("30m", annotations.get("post.hook.backup.velero.io/timeout"));
        assertTrue(annotations.get("pre.hook.backup.velero.io/command").startsWith("[\"bash\",\"-c\",\"set -euo pipefail\\n"));
        assertTrue(annotations.get("pre.hook.backup.velero.io/command").endsWith("\"qdrant-snapshots\",\"create\",\"6333\"]"));
    }
}
