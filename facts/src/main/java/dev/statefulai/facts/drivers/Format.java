package dev.statefulai.facts.drivers;

import java.util.regex.Pattern;

/**
 * The shape of an identifier a driver takes (a key's ARN, a volume handle), and the words that tell a
 * person what is allowed.
 *
 * @param pattern what a value must match, whole
 * @param rule    what is allowed, for messages, e.g. {@code an EBS volume id: 'vol-' and 17 ... hex digits}
 */
public record Format(Pattern pattern, String rule) {
    /** A Kubernetes quantity of bytes, as drivers take sizes in their attributes (a cache's size). */
    public static final Format QUANTITY = of("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?",
            "a Kubernetes quantity such as 512Mi, 20Gi or 1Ti");

    public static Format of(String regex, String rule) {
        return new Format(Pattern.compile(regex), rule);
    }

    /** Whether {@code value} has this shape. */
    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
