package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.cachefill.CacheFill;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every container the constructs write (the app's and the cache fill's) refuses a credential in a plain
 * variable and a name given twice (env is a list keyed by name: server-side apply refuses duplicates).
 */
class ContainerEnvTest {
    private static final String DUPLICATE = "env is a list keyed by name, and server-side apply refuses two entries of one name";

    private static StatefulAIAppProps.Builder app() {
        return StatefulAIAppProps.builder().name("llm").image("vllm/vllm-openai:v0.6.3")
                .claimTemplates(ClaimTemplate.builder().name("models").mountPath("/models").size("100Gi").build());
    }

    private static void build(StatefulAIAppProps.Builder props) {
        Manifests.synth(chart -> new StatefulAIApp(chart, "app", props.build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "HF_TOKEN", "OPENAI_API_KEY", "AWS_SECRET_ACCESS_KEY"})
    void theAppRefusesACredentialNameInPlainEnvWithoutShowingTheValue(String name) {
        assertInvalid("StatefulAIApp 'llm': prop 'env['" + name + "']' is '(value not shown)'; allowed: no credential in a plain "
                + "variable (its name says it holds a credential): pass credentials with secretEnv (Secret references), which keep "
                + "them out of the manifest", () -> build(app()
                        .container(ContainerProps.builder().env(Map.of(name, "hunter2")).build())));
    }

    @Test
    void theAppRefusesATokenUnderAnInnocentName() {
        assertInvalid("StatefulAIApp 'llm': prop 'env['EXTRA_ARGS']' is '(value not shown)'; allowed: no credential in a plain "
                + "variable (its value looks like a Hugging Face token): pass credentials with secretEnv (Secret references), which "
                + "keep them out of the manifest", () -> build(app()
                        .container(ContainerProps.builder().env(Map.of("EXTRA_ARGS", "--token hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")).build())));
    }

    @Test
    void theAppRefusesAPlainAndASecretVariableOfOneName() {
        // The report's case: HF_TOKEN as a literal in env and as a Secret reference.
        assertInvalid("StatefulAIApp 'llm': prop 'env['HF_TOKEN']' is 'HF_TOKEN'; allowed: a name no other variable of container "
                + "'llm' has (secretEnv[0] sets HF_TOKEN too): " + DUPLICATE,
                () -> build(app()
                        .container(ContainerProps.builder().env(Map.of("HF_TOKEN", "")).secretEnv(List.of(new SecretEnv("HF_TOKEN", "hf", "token"))).build())));
    }

    @Test
    void theAppRefusesOneSecretVariableTwice() {
        assertInvalid("StatefulAIApp 'llm': prop 'secretEnv[1].name' is 'HF_TOKEN'; allowed: a name no other variable of container "
                + "'llm' has (secretEnv[0] sets HF_TOKEN too): " + DUPLICATE,
                () -> build(app()
                        .container(ContainerProps.builder().secretEnv(List.of(new SecretEnv("HF_TOKEN", "hf", "token"), new SecretEnv("HF_TOKEN", "hf2", "t"))).build())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1X", "A B", "..X", "", "HF=TOKEN"})
    void theAppRefusesNamesTheApiServerRefuses(String name) {
        assertInvalid("StatefulAIApp 'llm': prop 'env' is '" + name + "'; allowed: an environment variable name: letters, digits, "
                + "'_', '-' and '.', not starting with a digit or '..'", () -> build(app()
                        .container(ContainerProps.builder().env(Map.of(name, "x")).build())));
    }

    @Test
    void theAppKeepsNamesWithDotsAndDashes() {
        Map<String, Object> sts = Manifests.synth(chart -> new StatefulAIApp(chart, "app", app()
                .container(ContainerProps.builder().env(Map.of("my.env-name", "1")).build()).build()))
                .one("StatefulSet");
        assertEquals(List.of(Map.of("name", "my.env-name", "value", "1")), Manifests.at(sts, "spec.template.spec.containers[0].env"));
    }

    @Test
    void theFillRefusesAVariableItSetsItself() {
        assertInvalid("CacheFill: prop 'env['HOME']' is 'HOME'; allowed: a name no other variable of the fill container has "
                + "(the fill itself sets HOME too): " + DUPLICATE,
                () -> CacheFill.fromS3("s3://ml-models/x/").into("models").env(Map.of("HOME", "/home/app")).build());
    }

    @Test
    void theFillRefusesAPlainAndASecretVariableOfOneName() {
        assertInvalid("CacheFill: prop 'env['AWS_REGION']' is 'AWS_REGION'; allowed: a name no other variable of the fill container "
                + "has (secretEnv[0] sets AWS_REGION too): " + DUPLICATE,
                () -> CacheFill.fromS3("s3://ml-models/x/").into("models").env(Map.of("AWS_REGION", "us-east-1"))
                        .secretEnv(List.of(new SecretEnv("AWS_REGION", "aws", "region"))).build());
    }

    @Test
    void theFillRefusesACredentialUrlInPlainEnv() {
        assertInvalid("CacheFill: prop 'env['S3_ENDPOINT']' is '(value not shown)'; allowed: no credential in a plain variable (its "
                + "value looks like a URL with a password): pass credentials with secretEnv or secretEnvFrom (Secret references), "
                + "which keep them out of the manifest", () -> CacheFill.fromS3("s3://ml-models/x/").into("models")
                .env(Map.of("S3_ENDPOINT", "https://minio:minio123@minio.data:9000")).build());
    }
}
