package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretEnvTest {

    @Test
    void keepsNameSecretAndKey() {
        SecretEnv s = new SecretEnv("HF_TOKEN", "hugging-face", "token");
        assertEquals("HF_TOKEN", s.name());
        assertEquals("hugging-face", s.secret());
        assertEquals("token", s.key());
    }

    @Test
    void rejectsAMissingName() {
        assertInvalid("SecretEnv: prop 'secretEnv.name' is missing; allowed: an environment variable name",
                () -> new SecretEnv(" ", "hugging-face", "token"));
    }

    @Test
    void rejectsASecretNameThatIsNotADnsSubdomain() {
        assertInvalid("SecretEnv: prop 'secretEnv.secret' is 'Hugging_Face'; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> new SecretEnv("HF_TOKEN", "Hugging_Face", "token"));
    }

    @Test
    void rejectsAMissingSecret() {
        assertInvalid("SecretEnv: prop 'secretEnv.secret' is missing; allowed: " + Messages.DNS_SUBDOMAIN,
                () -> new SecretEnv("HF_TOKEN", null, "token"));
    }

    @Test
    void rejectsAMissingKey() {
        assertInvalid("SecretEnv: prop 'secretEnv.key' is missing; allowed: a key of the Secret",
                () -> new SecretEnv("HF_TOKEN", "hugging-face", ""));
    }
}
