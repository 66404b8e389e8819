package dev.statefulai.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for credentials in plain text, shared by the constructs and the gate's SEC001. */
class CredentialsTest {

    @ParameterizedTest
    @ValueSource(strings = {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "DB_PASSWORD", "PGPASSWORD", "MYSQL_ROOT_PASSWORD", "db_password",
        "dbPassword", "REDIS_PASS", "DB_PWD", "OPENAI_API_KEY", "Api_Key", "WANDB_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
        "AWS_SESSION_TOKEN", "AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY", "AZURE_STORAGE_SAS_TOKEN", "OAUTH_CLIENT_SECRET",
        "GOOGLE_APPLICATION_CREDENTIALS", "HTTP_AUTHORIZATION", "SSH_PRIVATE_KEY", "APITOKEN", "jwt.secret", "KEY_PASSPHRASE"})
    void aNameEndingInACredentialWordHoldsOne(String name) {
        assertEquals("its name says it holds a credential", Credentials.inEnv(name, "hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOKENIZERS_PARALLELISM", "MAX_TOKENS", "MAX_TOKEN_LENGTH", "SECRET_NAME", "PASSWORD_FILE", "TOKEN_URL",
        "CACHE_KEY", "PARTITION_KEY", "AWS_REGION", "HF_HOME", "BYPASS", "PWD", "KEY", "OAUTH_CLIENT_ID", "QDRANT__CLUSTER__ENABLED"})
    void otherNamesHoldNone(String name) {
        assertNull(Credentials.inEnv(name, "hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token", "/secrets/gcp/key.json",
        "$(DB_PASSWORD_FROM_SECRET)"})
    void aFileOrAReferenceUnderACredentialNameIsNoCredential(String value) {
        assertNull(Credentials.inEnv("GOOGLE_APPLICATION_CREDENTIALS", value));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "-----BEGIN RSA PRIVATE KEY-----\\nMIIE... | a private key",
        "-----BEGIN OPENSSH PRIVATE KEY----- | a private key",
        "AKIAIOSFODNN7EXAMPLE | an AWS access key id",
        "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB | a GitHub token",
        "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 | a Hugging Face token",
        "sk-proj-0123456789abcdefghijKLMNOP | an OpenAI-style API key",
        "xoxb-1234567890-abcdefghij | a Slack token",
        "AIzaSyA0123456789abcdefghijklmnopqrstuv | a Google API key",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | a JSON Web Token",
        "postgres://app:s3cr3t@db.data.svc:5432/features | a URL with a password",
        "redis://:s3cr3t@redis:6379/0 | a URL with a password",
        "https://bucket.s3.amazonaws.com/model.tar?X-Amz-Credential=AK%2F&X-Amz-Signature=abc | a URL with a signed query",
        "https://acct.blob.core.windows.net/c/m.bin?sv=2022-11-02&sig=abc | a URL with a signed query",
    })
    void aValueShapedLikeAKnownSecretIsOneWhateverItsName(String value, String what) {
        assertEquals("its value looks like " + what, Credentials.inEnv("MODEL_ARGS", value.replace("\\n", "\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://app:$(DB_PASSWORD)@db:5432/features", "http://qdrant:6333/collections", "https://huggingface.co/gpt2",
        "https://example.com/x?max_tokens=5", "meta-llama/Llama-3.1-8B-Instruct", "true", "sk-short", "hf_home"})
    void ordinaryValuesAreNone(String value) {
        assertNull(Credentials.inEnv("MODEL_ARGS", value));
    }
}
