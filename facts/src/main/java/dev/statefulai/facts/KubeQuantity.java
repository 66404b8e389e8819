package dev.statefulai.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities, read as the API server reads them: {@code ParseQuantity} in
 * k8s.io/apimachinery {@code pkg/api/resource/quantity.go} with the suffixes of {@code suffix.go}
 * (release-1.28). The value is exact ({@link BigDecimal}): a comparison at {@code Ei} never overflows.
 *
 * <p>Grammar ({@code quantity.go}, the comment on {@code Quantity} and {@code parseQuantityString}):
 * a sign, a number ({@code 12}, {@code 1.5}, {@code 1.}, {@code .5}), then one suffix: binary
 * {@code Ki Mi Gi Ti Pi Ei} (2^10 to 2^60), decimal {@code n u m "" k M G T P E} (10^-9 to 10^18), or an
 * exponent {@code e}/{@code E} with a signed integer ({@code 1e3}, {@code 2E-3}). {@code E} alone is
 * exa, never an exponent ({@code suffixHandler.interpret} looks the table up first).
 *
 * <p>As {@code ParseQuantity} does, a non-zero value is rounded up (away from zero) to a whole number
 * of nano units, and a binary quantity above 2^63-1 is capped there. Stricter on purpose: a number
 * without a digit ({@code Gi}, {@code +}, which the scanner reads as zero) and an exponent outside
 * 32 bits (which {@code interpret} truncates) are refused.
 */
public final class KubeQuantity {
    private static final Pattern GRAMMAR =
            Pattern.compile("([+-]?)([0-9]+\\.?[0-9]*|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE]([+-]?[0-9]+))?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("n", BigDecimal.ONE.scaleByPowerOfTen(-9)), Map.entry("u", BigDecimal.ONE.scaleByPowerOfTen(-6)),
            Map.entry("m", BigDecimal.ONE.scaleByPowerOfTen(-3)), Map.entry("k", BigDecimal.ONE.scaleByPowerOfTen(3)),
            Map.entry("M", BigDecimal.ONE.scaleByPowerOfTen(6)), Map.entry("G", BigDecimal.ONE.scaleByPowerOfTen(9)),
            Map.entry("T", BigDecimal.ONE.scaleByPowerOfTen(12)), Map.entry("P", BigDecimal.ONE.scaleByPowerOfTen(15)),
            Map.entry("E", BigDecimal.ONE.scaleByPowerOfTen(18)),
            Map.entry("Ki", power2(10)), Map.entry("Mi", power2(20)), Map.entry("Gi", power2(30)),
            Map.entry("Ti", power2(40)), Map.entry("Pi", power2(50)), Map.entry("Ei", power2(60)));
    /** {@code maxAllowed} of {@code math.go}: the largest int64. */
    public static final BigDecimal MAX_ALLOWED = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final int NANO_SCALE = 9;

    private KubeQuantity() {
    }

    private static BigDecimal power2(int exponent) {
        return new BigDecimal(java.math.BigInteger.ONE.shiftLeft(exponent));
    }

    /**
     * The value of {@code text} in base units (bytes, cores) as the API server holds it.
     *
     * @throws IllegalArgumentException when {@code text} is not a quantity
     */
    public static BigDecimal parse(String text) {
        Matcher m = GRAMMAR.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw notAQuantity(text);
        }
        String digits = m.group(2);
        BigDecimal number = new BigDecimal(digits.startsWith(".") ? "0" + digits : digits.endsWith(".") ? digits + "0" : digits);
        String suffix = m.group(3) == null ? "" : m.group(3);
        BigDecimal value;
        try {
            value = m.group(4) != null ? number.scaleByPowerOfTen(Integer.parseInt(m.group(4)))
                    : suffix.isEmpty() ? number : number.multiply(SUFFIXES.get(suffix));
            if (value.scale() > NANO_SCALE) {
                value = value.setScale(NANO_SCALE, RoundingMode.UP);
            }
        } catch (ArithmeticException | NumberFormatException e) { // an exponent beyond 32 bits
            throw notAQuantity(text);
        }
        boolean binary = suffix.endsWith("i");
        if (binary && value.compareTo(MAX_ALLOWED) > 0) {
            value = MAX_ALLOWED;
        }
        return m.group(1).equals("-") ? value.negate() : value;
    }

    /** The value of {@code text} as {@link #parse} reads it; empty when {@code text} is no quantity. */
    public static Optional<BigDecimal> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static IllegalArgumentException notAQuantity(String text) {
        return new IllegalArgumentException("'" + text + "' is not a Kubernetes quantity");
    }
}
