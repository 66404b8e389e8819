package dev.statefulai.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a credential written in plain text into a manifest looks like: the one rule behind the
 * constructs' refusal of plain environment variables and the safety gate's {@code SEC001}.
 *
 * <p>A variable holds a credential when its name ends in a credential word ({@code HF_TOKEN},
 * {@code DB_PASSWORD}, {@code PGPASSWORD}, {@code OPENAI_API_KEY}, {@code AWS_ACCESS_KEY_ID},
 * {@code CLIENT_SECRET}), unless its value is empty, an absolute path (a file that holds the secret,
 * e.g. {@code AWS_WEB_IDENTITY_TOKEN_FILE}) or only a {@code $(VAR)} reference to another variable;
 * or, whatever its name, when its value has the shape of a well-known secret (a private key, an AWS
 * access key id, GitHub, Hugging Face, OpenAI, Slack and Google API tokens, a JSON Web Token, a URL
 * with a password or a signed query). Only the last words count, so {@code TOKENIZERS_PARALLELISM},
 * {@code MAX_TOKENS}, {@code SECRET_NAME} and {@code PASSWORD_FILE} hold none.
 */
public final class Credentials {
    /** Last words that name a credential; a word ending in one counts too ({@code PGPASSWORD}, {@code APITOKEN}). */
    private static final List<String> CREDENTIAL_ENDINGS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE",
            "CREDENTIAL", "CREDENTIALS", "AUTHORIZATION", "APIKEY", "ACCESSKEY", "PRIVATEKEY", "SECRETKEY");
    /** Last words that name a credential only as themselves ({@code DB_PASS}, not {@code BYPASS}). */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("PASS", "PWD", "SAS");
    /** Words before a final {@code KEY} that make it a credential ({@code API_KEY}, not {@code CACHE_KEY}). */
    private static final Set<String> KEY_KINDS = Set.of("API", "ACCESS", "PRIVATE", "SECRET", "SIGNING", "ENCRYPTION", "MASTER",
            "ACCOUNT", "STORAGE", "CLIENT", "SSH", "TLS", "LICENSE", "SERVICE");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\([-._a-zA-Z][-._a-zA-Z0-9]*\\)");

    /** Value shapes of well-known secrets, with what they are. */
    private record Shape(String what, Pattern pattern) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")),
            new Shape("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Shape("a GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
            new Shape("a Hugging Face token", Pattern.compile("\\bhf_[A-Za-z0-9]{30,}")),
            new Shape("an OpenAI-style API key", Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}")),
            new Shape("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}")),
            new Shape("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
            new Shape("a JSON Web Token", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")),
            new Shape("a URL with a password", Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*:(?!\\$\\([^)]*\\)@)[^/\\s@]+@")),
            new Shape("a URL with a signed query", Pattern.compile(
                    "(?i)[A-Za-z][A-Za-z0-9+.-]*://[^\\s?]*\\?(.*&)?(x-amz-signature|x-amz-credential|x-goog-signature|sig|signature"
                            + "|token|access_token|api_key|key)=")));

    private Credentials() {
    }

    /**
     * Why the plain variable {@code name=value} writes a credential into the manifest, e.g. "its name
     * says it holds a credential" or "its value looks like a GitHub token"; {@code null} when it does not.
     */
    public static String inEnv(String name, String value) {
        String shape = valueShape(value);
        if (shape != null) {
            return "its value looks like " + shape;
        }
        if (name != null && namesCredential(name) && !harmless(value)) {
            return "its name says it holds a credential";
        }
        return null;
    }

    /** What well-known secret {@code value} looks like (e.g. "a GitHub token"), or {@code null}. */
    public static String valueShape(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (Shape s : SHAPES) {
            if (s.pattern().matcher(value).find()) {
                return s.what();
            }
        }
        return null;
    }

    /** Whether a variable of this name holds a credential by its last words. */
    static boolean namesCredential(String name) {
        List<String> words = new ArrayList<>();
        for (String w : WORD_BREAK.split(name)) {
            if (!w.isEmpty()) {
                words.add(w.toUpperCase(Locale.ROOT));
            }
        }
        int n = words.size();
        if (n == 0) {
            return false;
        }
        String last = words.get(n - 1);
        String beforeLast = n > 1 ? words.get(n - 2) : "";
        if (last.equals("ID") && beforeLast.equals("KEY") && n > 2 && words.get(n - 3).equals("ACCESS")) {
            return true; // AWS_ACCESS_KEY_ID: half of a key pair
        }
        if (last.equals("KEY")) {
            return KEY_KINDS.contains(beforeLast);
        }
        if (CREDENTIAL_WORDS.contains(last)) {
            return n > 1; // PWD alone is the working directory
        }
        return CREDENTIAL_ENDINGS.stream().anyMatch(last::endsWith);
    }

    /** A value that holds no secret even under a credential's name: empty, a file path, or a $(VAR) reference. */
    private static boolean harmless(String value) {
        return value == null || value.isBlank() || value.startsWith("/") || VARIABLE_REFERENCE.matcher(value.strip()).matches();
    }
}
