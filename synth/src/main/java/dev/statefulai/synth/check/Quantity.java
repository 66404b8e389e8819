package dev.statefulai.synth.check;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 500Gi}, {@code 1.5T}, {@code 250m}, {@code 1e3}) as exact numbers. */
public final class Quantity {
    private static final Pattern FORMAT = Pattern.compile("^([+-]?[0-9]+(?:\\.[0-9]*)?|[+-]?\\.[0-9]+)([a-zA-Z]*|[eE][+-]?[0-9]+)$");
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    private static final BigDecimal K = BigDecimal.valueOf(1000);
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")), Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", K), Map.entry("M", K.pow(2)), Map.entry("G", K.pow(3)), Map.entry("T", K.pow(4)),
            Map.entry("P", K.pow(5)), Map.entry("E", K.pow(6)),
            Map.entry("Ki", KI), Map.entry("Mi", KI.pow(2)), Map.entry("Gi", KI.pow(3)), Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)), Map.entry("Ei", KI.pow(6)));

    private Quantity() {
    }

    /** The value in base units (bytes for storage). */
    public static BigDecimal parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Kubernetes quantity");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')
                && suffix.substring(1).matches("[+-]?[0-9]+")) {
            return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        }
        BigDecimal factor = SUFFIXES.get(suffix);
        if (factor == null) {
            throw new IllegalArgumentException("'" + text + "' has an unknown suffix '" + suffix + "'");
        }
        return number.multiply(factor);
    }
}
