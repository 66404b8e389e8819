package dev.statefulai.constructs;

import dev.statefulai.facts.KubeQuantity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks shared by the constructs; each failure is an {@link InvalidPropsException}. */
public final class Validate {
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    static final String DNS_LABEL_RULE =
            "a DNS-1123 label: at most 63 characters, lower-case letters, digits and '-', starting and ending with a letter or digit";
    static final String DNS_SUBDOMAIN_RULE =
            "a DNS-1123 subdomain: at most 253 characters, lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit";
    static final String SIZE_RULE =
            "a Kubernetes quantity greater than zero, such as 500Mi, 10Gi or 2Ti (binary) or 100G (decimal); 'GB' and 'MB' are not Kubernetes units";
    static final String WHOLE_BYTES_RULE =
            "a whole number of bytes, such as 1Gi, 1.5Gi or 100G ('m' means thousandths: mega is M or Mi)";
    static final String AT_MOST_INT64_RULE = "less than 8Ei (2^63 bytes): Kubernetes caps larger quantities";

    private Validate() {
    }

    /** A value that must be present. */
    public static <T> T required(String construct, String prop, T value, String allowed) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidPropsException(construct, prop, null, allowed);
        }
        return value;
    }

    /** A name used as an object name that also ends up in host names (StatefulSets, Services, claims). */
    public static String dnsLabel(String construct, String prop, String value) {
        required(construct, prop, value, DNS_LABEL_RULE);
        if (value.length() > 63 || !DNS1123_LABEL.matcher(value).matches()) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, DNS_LABEL_RULE));
        }
        return value;
    }

    /** A name of a cluster-scoped or namespaced object that is not used as a host name. */
    public static String dnsSubdomain(String construct, String prop, String value) {
        required(construct, prop, value, DNS_SUBDOMAIN_RULE);
        if (value.length() > 253 || !DNS1123_SUBDOMAIN.matcher(value).matches()) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, DNS_SUBDOMAIN_RULE));
        }
        return value;
    }

    /**
     * A storage size or memory amount: a quantity greater than zero, a whole number of bytes (a
     * fraction is a slip such as {@code 500m} for {@code 500M}), and below the int64 cap at which the API
     * server silently clips a binary quantity ({@link KubeQuantity}).
     */
    public static String size(String construct, String prop, String value) {
        required(construct, prop, value, SIZE_RULE);
        BigDecimal bytes = KubeQuantity.tryParse(value).orElse(null);
        if (bytes == null || bytes.signum() <= 0) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, SIZE_RULE));
        } else if (bytes.stripTrailingZeros().scale() > 0) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, WHOLE_BYTES_RULE));
        } else if (bytes.compareTo(KubeQuantity.MAX_ALLOWED) >= 0) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, AT_MOST_INT64_RULE));
        }
        return value;
    }

    /** A CPU amount such as {@code 500m} or {@code 2}. */
    public static String cpu(String construct, String prop, String value) {
        String rule = "a CPU quantity greater than zero, such as 250m, 1 or 4";
        required(construct, prop, value, rule);
        BigDecimal cores = KubeQuantity.tryParse(value).orElse(null);
        if (cores == null || cores.signum() <= 0) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, rule));
        }
        return value;
    }

    /** An integer no lower than {@code min}. */
    public static int atLeast(String construct, String prop, int value, int min) {
        if (value < min) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, "an integer of " + min + " or more"));
        }
        return value;
    }

    /** An absolute path inside a container. */
    public static String absolutePath(String construct, String prop, String value) {
        String rule = "an absolute path such as /data";
        required(construct, prop, value, rule);
        if (!value.startsWith("/") || value.contains("..")) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, rule));
        }
        return value;
    }

    /** A path inside a volume: relative, without {@code ..} segments (a volume's sub path). */
    public static String relativePath(String construct, String prop, String value) {
        String rule = "a relative path inside the volume such as models/llama, without '..'";
        required(construct, prop, value, rule);
        if (value.startsWith("/") || java.util.Arrays.asList(value.split("/")).contains("..")) {
            Refusals.refuse(new InvalidPropsException(construct, prop, value, rule));
        }
        return value;
    }

    /** Labels or annotations: keys are qualified names with an optional DNS prefix; label values at most 63 characters. */
    public static Map<String, String> labels(String construct, String prop, Map<String, String> value, boolean annotations) {
        if (value == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : value.entrySet()) {
            String key = e.getKey();
            int slash = key == null ? -1 : key.lastIndexOf('/');
            String name = key == null ? "" : key.substring(slash + 1);
            boolean keyOk = key != null && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches()
                    && (slash < 0 || (slash <= 253 && DNS1123_SUBDOMAIN.matcher(key.substring(0, slash)).matches()));
            if (!keyOk) {
                Refusals.refuse(new InvalidPropsException(construct, prop, key,
                        "keys of at most 63 characters (letters, digits, '-', '_', '.'), optionally prefixed by a DNS subdomain and '/'"));
            }
            String v = e.getValue();
            if (v == null || (!annotations && (v.length() > 63 || !(v.isEmpty() || QUALIFIED_NAME.matcher(v).matches())))) {
                Refusals.refuse(new InvalidPropsException(construct, prop + "['" + key + "']", v,
                        annotations ? "a string" : "a label value: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit"));
            }
        }
        return value;
    }

    /** A list that must hold at least one element. */
    public static <T> List<T> nonEmpty(String construct, String prop, List<T> value, String allowed) {
        if (value == null || value.isEmpty()) {
            throw new InvalidPropsException(construct, prop, null, allowed);
        }
        return value;
    }

    /**
     * The value of a quantity in base units (bytes for sizes, cores for CPU), exact and as the API server
     * holds it ({@link KubeQuantity}), for comparisons such as "the volume holds at least what the claim
     * asks for". The constructs and the safety gate read every quantity through here.
     *
     * @throws IllegalArgumentException naming the text when it is not a Kubernetes quantity
     */
    public static BigDecimal bytes(String quantity) {
        return KubeQuantity.parse(quantity);
    }
}
