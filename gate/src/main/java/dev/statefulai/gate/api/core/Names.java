package dev.statefulai.gate.api.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name and format checks of k8s.io/apimachinery {@code pkg/util/validation/validation.go}
 * (release-1.28): each returns the messages the API server gives, empty when the value is valid.
 */
public final class Names {
    private static final String QNAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern QUALIFIED_NAME = Pattern.compile(QNAME);
    private static final Pattern LABEL_VALUE = Pattern.compile("(" + QNAME + ")?");
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
    private static final Pattern ENV_VAR_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
    private static final Pattern HTTP_HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public static final int LABEL_VALUE_MAX = 63;
    public static final int DNS1123_LABEL_MAX = 63;
    public static final int DNS1123_SUBDOMAIN_MAX = 253;

    private Names() {
    }

    /** {@code IsQualifiedName}: an optional DNS-subdomain prefix and '/', then at most 63 name characters. */
    public static List<String> qualifiedName(String value) {
        List<String> errs = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            name = parts[1];
            if (parts[0].isEmpty()) {
                errs.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(parts[0]).forEach(m -> errs.add("prefix part " + m));
            }
        } else {
            errs.add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
                    + " an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errs.add("name part must be no more than 63 characters");
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            errs.add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
                    + " alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')");
        }
        return errs;
    }

    /** {@code IsValidLabelValue}: empty, or at most 63 characters of a qualified name's name part. */
    public static List<String> labelValue(String value) {
        return maxLenAndPattern(value, LABEL_VALUE_MAX, LABEL_VALUE,
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and"
                    + " must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')");
    }

    /** {@code IsDNS1123Label}: at most 63 lower-case alphanumerics or '-', alphanumeric at both ends. */
    public static List<String> dns1123Label(String value) {
        return maxLenAndPattern(value, DNS1123_LABEL_MAX, DNS1123_LABEL,
                DNS1123_SUBDOMAIN.matcher(value).matches() ? "must not contain dots"
                    : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start"
                    + " and end with an alphanumeric character (e.g. 'my-name', or '123-abc')");
    }

    /** {@code IsDNS1123Subdomain}: at most 253 characters of dot-separated DNS-1123 labels. */
    public static List<String> dns1123Subdomain(String value) {
        return maxLenAndPattern(value, DNS1123_SUBDOMAIN_MAX, DNS1123_SUBDOMAIN,
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and"
                    + " must start and end with an alphanumeric character (e.g. 'example.com')");
    }

    /** {@code IsDNS1035Label}: like a DNS-1123 label, but starting with a letter (Service names). */
    public static List<String> dns1035Label(String value) {
        return maxLenAndPattern(value, 63, DNS1035_LABEL,
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic"
                    + " character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123')");
    }

    /** {@code IsValidPortName}: an IANA service name, at most 15 characters with a letter. */
    public static List<String> portName(String port) {
        List<String> errs = maxLenAndPattern(port, 15, PORT_NAME_CHARS,
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        if (!HAS_LETTER.matcher(port).matches()) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    /** {@code IsValidPortNum}. */
    public static List<String> portNumber(long port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of("must be between 1 and 65535, inclusive");
    }

    /** {@code IsEnvVarName}. */
    public static List<String> envVarName(String value) {
        List<String> errs = new ArrayList<>();
        if (!ENV_VAR_NAME.matcher(value).matches()) {
            errs.add("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.',"
                    + " and must not start with a digit (e.g. 'my.env-name', or 'MY_ENV.NAME', or 'MyEnvName1')");
        }
        errs.addAll(chDirPrefix(value));
        return errs;
    }

    /** {@code IsConfigMapKey}: the key of a Secret or ConfigMap. */
    public static List<String> configMapKey(String value) {
        List<String> errs = maxLenAndPattern(value, DNS1123_SUBDOMAIN_MAX, CONFIG_MAP_KEY,
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name', or"
                    + " 'KEY_NAME', or 'key-name')");
        errs.addAll(chDirPrefix(value));
        return errs;
    }

    /**
     * The two checks most of these make, in the API server's order: at most {@code max} characters
     * ({@code MaxLenError}) and a match of {@code pattern} ({@code RegexError}, with the message {@code rule}).
     */
    private static List<String> maxLenAndPattern(String value, int max, Pattern pattern, String rule) {
        List<String> errs = new ArrayList<>();
        if (value.length() > max) {
            errs.add("must be no more than " + max + " characters");
        }
        if (!pattern.matcher(value).matches()) {
            errs.add(rule);
        }
        return errs;
    }

    private static List<String> chDirPrefix(String value) {
        if (value.equals(".")) {
            return List.of("must not be '.'");
        }
        if (value.equals("..")) {
            return List.of("must not be '..'");
        }
        return value.startsWith("..") ? List.of("must not start with '..'") : List.of();
    }

    /** {@code IsValidPercent}: digits and '%'. */
    public static boolean isPercent(String value) {
        return PERCENT.matcher(value).matches();
    }

    /** {@code IsHTTPHeaderName}. */
    public static List<String> httpHeaderName(String value) {
        return HTTP_HEADER_NAME.matcher(value).matches() ? List.of()
                : List.of("a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name')");
    }

    /** {@code IsValidIP} (k8s.io/utils/net {@code ParseIPSloppy}: IPv4 dotted quads, leading zeros allowed, or IPv6). */
    public static boolean isIp(String value) {
        if (value.indexOf(':') < 0) {
            return IPV4.matcher(value.replaceAll("(^|\\.)0+(\\d)", "$1$2")).matches();
        }
        if (!IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(value).getAddress().length == 16 || value.contains(":");
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** {@code IsValidUserID}/{@code IsValidGroupID}: 0 to 2^31-1. */
    public static List<String> id(long value) {
        return value >= 0 && value <= Integer.MAX_VALUE ? List.of() : List.of("must be between 0 and 2147483647, inclusive");
    }
}
