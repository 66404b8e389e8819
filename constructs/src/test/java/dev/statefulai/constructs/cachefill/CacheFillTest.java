package dev.statefulai.constructs.cachefill;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.constructs.Manifests;
import dev.statefulai.constructs.Messages;
import dev.statefulai.constructs.Resources;
import dev.statefulai.constructs.SecretEnv;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheFillTest {
    private static final String URL_RULE = "an http:// or https:// URL of a file, such as https://example.com/models/model.tar.gz";
    private static final String NO_CREDENTIALS = "CacheFill: prop 'source' is '(URL with credentials, not shown)'; allowed: a URL without "
            + "user, password, token or signature: it would be written into the manifest; send an Authorization header from a Secret "
            + "as FILL_HTTP_AUTHORIZATION with secretEnv";

    /** The fill container as the StatefulSet renders it. */
    private static Map<String, Object> rendered(CacheFill fill) {
        Manifests m = Manifests.synth(chart -> new StatefulAIApp(chart, "app", StatefulAIAppProps.builder()
                .name("llm").image("vllm/vllm-openai:v0.6.3")
                .claimTemplates(ClaimTemplate.builder().name("models").mountPath("/models").size("100Gi").build())
                        .storage(StorageProps.builder().cacheFill(fill).build()).build()));
        return Manifests.map(m.one("StatefulSet"), "spec.template.spec.initContainers[0]");
    }

    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Object e : (List<?>) container.get("env")) {
            Map<?, ?> var = (Map<?, ?>) e;
            out.put((String) var.get("name"), var.containsKey("value") ? var.get("value") : var.get("valueFrom"));
        }
        return out;
    }

    @Test
    void s3SyncsWithTheAwsCliAndCredentialsFromASecret() {
        CacheFill fill = CacheFill.fromS3("s3://ml-models/llama-3.1-8b/").into("models")
                .env(Map.of("AWS_REGION", "us-east-1")).secretEnvFrom(List.of("aws-model-reader")).build();
        Map<String, Object> c = rendered(fill);
        assertEquals("amazon/aws-cli:2.15.30", c.get("image"));
        assertEquals(List.of(Map.of("secretRef", Map.of("name", "aws-model-reader"))), c.get("envFrom"));
        assertEquals(Map.of("FILL_ID", "s3://ml-models/llama-3.1-8b/", "FILL_SOURCE", "s3://ml-models/llama-3.1-8b/",
                "FILL_TARGET", "/models", "HOME", "/tmp", "AWS_REGION", "us-east-1"), env(c));
        String script = (String) ((List<?>) c.get("command")).get(2);
        assertTrue(script.contains("aws s3 sync \"$FILL_SOURCE\" \"$FILL_TARGET\" --no-progress --only-show-errors --exclude '.ai-storage-fill*'"),
                script);
    }

    @Test
    void theScriptSkipsWhenTheMarkerNamesTheSourceAndWritesItLast() {
        String script = CacheFill.fromS3("s3://ml-models/x/").into("models").build().script(false);
        List<String> lines = List.of(script.split("\n"));
        assertEquals("set -eu", lines.get(0));
        assertEquals("marker=\"$FILL_TARGET/.ai-storage-fill\"", lines.get(1));
        assertEquals("filled() { [ \"$(cat \"$marker\" 2>/dev/null)\" = \"$FILL_ID\" ]; }", lines.get(2));
        assertEquals("if filled; then echo \"$FILL_TARGET already holds $FILL_ID\"; exit 0; fi", lines.get(3));
        assertEquals(List.of("printf '%s' \"$FILL_ID\" > \"$marker.tmp\"", "mv \"$marker.tmp\" \"$marker\"",
                "echo \"filled $FILL_TARGET from $FILL_ID\""), lines.subList(lines.size() - 3, lines.size()));
        assertFalse(script.contains("lock"), "a per-replica claim needs no lock");
        assertFalse(script.contains("s3://"), "parameters come from the environment");
    }

    @Test
    void anHttpArchiveIsUnpackedAndAFileKeepsItsName() {
        Map<String, Object> archive = rendered(CacheFill.fromUrl("https://models.example.com/llama/weights.tar.gz").into("models")
                .secretEnv(List.of(new SecretEnv("FILL_HTTP_AUTHORIZATION", "model-mirror", "authorization"))).build());
        assertEquals("curlimages/curl:8.10.1", archive.get("image"));
        assertEquals(Map.of("secretKeyRef", Map.of("name", "model-mirror", "key", "authorization")), env(archive).get("FILL_HTTP_AUTHORIZATION"));
        String script = (String) ((List<?>) archive.get("command")).get(2);
        assertTrue(script.contains("curl -fSL --retry 5 --retry-connrefused ${FILL_HTTP_AUTHORIZATION:+-H \"Authorization: "
                + "$FILL_HTTP_AUTHORIZATION\"} -o \"$download\" \"$FILL_SOURCE\"\ntar -xzf \"$download\" -C \"$FILL_TARGET\"\n"), script);
        CacheFill file = CacheFill.fromUrl("http://mirror.internal/gguf/model-q4.gguf").into("models").build();
        assertEquals("model-q4.gguf", env(rendered(file)).get("FILL_FILE"));
        assertTrue(file.script(false).contains("mv \"$FILL_TARGET/$FILL_FILE.part\" \"$FILL_TARGET/$FILL_FILE\""));
        assertTrue(CacheFill.fromUrl("https://x.example.com/a.tar").into("models").build().script(false).contains("tar -xf \"$download\""));
    }

    @Test
    void huggingFaceUsesAPinnedRevisionInTheMarker() {
        CacheFill fill = CacheFill.fromHuggingFace("mistralai/Mistral-7B-Instruct-v0.3").revision("e0bc86c23ce5aae1db576c8cca6f06f1f73af2db")
                .into("models").image("vllm/vllm-openai:v0.6.3").build();
        Map<String, Object> c = rendered(fill);
        assertEquals("vllm/vllm-openai:v0.6.3", c.get("image"));
        assertEquals("hf:mistralai/Mistral-7B-Instruct-v0.3@e0bc86c23ce5aae1db576c8cca6f06f1f73af2db", env(c).get("FILL_ID"));
        assertEquals("e0bc86c23ce5aae1db576c8cca6f06f1f73af2db", env(c).get("FILL_REVISION"));
        String script = fill.script(false);
        assertTrue(script.contains("python3 -c 'import huggingface_hub' 2>/dev/null || pip install --quiet --no-cache-dir --target "
                + "/tmp/pylib \"huggingface_hub==0.25.2\""), script);
        assertTrue(script.contains("cache_dir=os.environ[\"FILL_TARGET\"]"), script);
        assertEquals("hf:gpt2@main", CacheFill.fromHuggingFace("gpt2").into("models").build().id());
    }

    @Test
    void huggingFaceCanSkipFilesByPattern() {
        CacheFill fill = CacheFill.fromHuggingFace("meta-llama/Llama-3.1-8B-Instruct").include(List.of("*.safetensors", "*.json"))
                .into("models").build();
        assertEquals("hf:meta-llama/Llama-3.1-8B-Instruct@main *.safetensors *.json", fill.id());
        assertEquals("*.safetensors *.json", env(rendered(fill)).get("FILL_INCLUDE"));
        assertTrue(fill.script(false).contains("allow_patterns=os.environ.get(\"FILL_INCLUDE\", \"\").split() or None"));
    }

    @Test
    void onlyAHuggingFaceFillTakesARevisionOrFilePatterns() {
        // Other sources have no such builder methods: the combination is not refused at synth time, it does not compile.
        List<String> others = Arrays.stream(CacheFill.SourceBuilder.class.getMethods()).map(Method::getName).toList();
        List<String> huggingFace = Arrays.stream(CacheFill.HuggingFaceBuilder.class.getMethods()).map(Method::getName).toList();
        for (String option : List.of("revision", "include")) {
            assertFalse(others.contains(option), option);
            assertTrue(huggingFace.contains(option), option);
        }
    }

    @Test
    void rejectsPatternsWithSpaces() {
        assertInvalid("CacheFill: prop 'include' is 'my file'; allowed: file patterns without spaces, such as *.safetensors or *.json",
                () -> CacheFill.fromHuggingFace("gpt2").include(List.of("my file")).into("models").build());
    }

    @Test
    void aClaimIsCopied() {
        CacheFill fill = CacheFill.fromClaim("models-golden").into("models").build();
        assertEquals("claim:models-golden", fill.id());
        assertEquals("/fill-source", env(rendered(fill)).get("FILL_SOURCE"));
        assertTrue(fill.script(false).contains("cp -R /fill-source/. \"$FILL_TARGET/\""));
    }

    @Test
    void ownResources() {
        Map<String, Object> c = rendered(CacheFill.fromS3("s3://ml-models/x/").into("models")
                .resources(Resources.builder().cpu("2").memory("4Gi").build()).build());
        // and the pod's 1Gi /tmp, which the fill writes (its root file system is read-only)
        assertEquals(Map.of("requests", Map.of("cpu", "2", "memory", "4Gi", "ephemeral-storage", "1Gi"), "limits", Map.of("memory", "4Gi")),
                c.get("resources"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ml-models.s3.amazonaws.com/x", "s3://", "s3://A_Bucket/x", "s3://b/x"})
    void rejectsWhatIsNoS3Url(String url) {
        assertInvalid("CacheFill: prop 'source' is '" + url + "'; allowed: an S3 URL such as s3://bucket/prefix/", () -> CacheFill.fromS3(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/model.bin", "https://example.com/", "example.com/model.bin", "https:///model.bin", "https://exa mple.com/m"})
    void rejectsWhatIsNoHttpFileUrl(String url) {
        assertInvalid("CacheFill: prop 'source' is '" + url + "'; allowed: " + URL_RULE, () -> CacheFill.fromUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@example.com/model.bin", "https://example.com/model.bin?X-Amz-Signature=abc&x=1",
            "https://example.com/model.bin?a=1&token=abc", "https://example.com/m.tgz?sig=abc"})
    void rejectsAUrlWithCredentialsWithoutShowingThem(String url) {
        assertInvalid(NO_CREDENTIALS, () -> CacheFill.fromUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"meta-llama/Llama 3", "/meta-llama/x", "a/b/c", "org/../x", "org--x/y"})
    void rejectsWhatIsNoHuggingFaceModelId(String id) {
        assertInvalid("CacheFill: prop 'source' is '" + id + "'; allowed: a Hugging Face model id such as meta-llama/Llama-3.1-8B-Instruct",
                () -> CacheFill.fromHuggingFace(id));
    }

    @Test
    void rejectsAMissingSource() {
        assertInvalid("CacheFill: prop 'source' is missing; allowed: a Hugging Face model id such as meta-llama/Llama-3.1-8B-Instruct",
                () -> CacheFill.fromHuggingFace(null));
        assertInvalid("CacheFill: prop 'source' is 'Golden'; allowed: " + Messages.DNS_SUBDOMAIN, () -> CacheFill.fromClaim("Golden"));
    }

    @Test
    void rejectsARevisionOfAnotherShape() {
        assertInvalid("CacheFill: prop 'revision' is 'main branch'; allowed: a branch, tag or commit such as main, v1.0 or a 40-digit hash",
                () -> CacheFill.fromHuggingFace("gpt2").into("models").revision("main branch").build());
    }

    @Test
    void rejectsAMissingTarget() {
        assertInvalid("CacheFill: prop 'into' is missing; allowed: " + Messages.DNS_LABEL, () -> CacheFill.fromHuggingFace("gpt2").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HF_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "db_password", "Api_Key"})
    void rejectsCredentialsInPlainEnvWithoutShowingThem(String name) {
        assertInvalid("CacheFill: prop 'env['" + name + "']' is '(value not shown)'; allowed: no credential in a plain variable (its "
                        + "name says it holds a credential): pass credentials with secretEnv or secretEnvFrom (Secret references), "
                        + "which keep them out of the manifest",
                () -> CacheFill.fromHuggingFace("gpt2").into("models").env(Map.of(name, "hunter2")).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FILL_TARGET", "1X", "A-B"})
    void rejectsEnvNamesThatAreNoneOrReserved(String name) {
        assertInvalid("CacheFill: prop 'env' is '" + name + "'; allowed: an environment variable name (letters, digits, '_'), not "
                + "starting with FILL_ (set by the fill)", () -> CacheFill.fromHuggingFace("gpt2").into("models").env(Map.of(name, "x")).build());
    }

    @Test
    void rejectsASecretNameThatIsNoName() {
        assertInvalid("CacheFill: prop 'secretEnvFrom' is 'AWS'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> CacheFill.fromS3("s3://ml-models/x/").into("models").secretEnvFrom(List.of("AWS")).build());
    }

    @Test
    void rejectsGpusAndABlankImage() {
        assertInvalid("CacheFill: prop 'resources.gpus' is 1; allowed: 0: a fill copies files and needs no GPU",
                () -> CacheFill.fromHuggingFace("gpt2").into("models").resources(Resources.builder().gpus(1).build()).build());
        assertInvalid("CacheFill: prop 'image' is missing; allowed: a container image reference",
                () -> CacheFill.fromHuggingFace("gpt2").into("models").image(" ").build());
    }
}
