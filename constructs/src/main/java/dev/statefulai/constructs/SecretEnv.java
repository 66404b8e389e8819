package dev.statefulai.constructs;

/**
 * An environment variable read from a key of an existing Secret at run time, so that no secret value
 * is ever written into a manifest.
 *
 * @param name   the variable name in the container
 * @param secret the Secret's name, in the app's namespace
 * @param key    the key inside the Secret
 */
public record SecretEnv(String name, String secret, String key) {
    public SecretEnv {
        Validate.required("SecretEnv", "secretEnv.name", name, "an environment variable name");
        Validate.dnsSubdomain("SecretEnv", "secretEnv.secret", secret);
        Validate.required("SecretEnv", "secretEnv.key", key, "a key of the Secret");
    }
}
