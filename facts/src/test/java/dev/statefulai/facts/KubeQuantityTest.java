package dev.statefulai.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quantities read as k8s.io/apimachinery pkg/api/resource ParseQuantity reads them (quantity.go: the
 * scanner parseQuantityString and the rounding; suffix.go: the suffix table; release-1.28).
 */
class KubeQuantityTest {

    private static void assertValue(String expected, String quantity) {
        BigDecimal actual = KubeQuantity.parse(quantity);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), quantity + " -> " + actual.toPlainString());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // suffix.go: E is 10^18 (decimalSI), Ei is 2^60 (binarySI); neither is an exponent.
        "1Ei, 1152921504606846976",
        "2E, 2000000000000000000",
        "1.5Ei, 1729382256910270464",
        "7Ei, 8070450532247928832",
        "1Pi, 1125899906842624",
        "3P, 3000000000000000",
        // decimalExponent: "e" or "E" followed by a signed number.
        "1e3, 1000",
        "1E3, 1000",
        "1e+3, 1000",
        "2E-3, 0.002",
        "1E18, 1000000000000000000",
        // number forms: <digits>, <digits>.<digits>, <digits>., .<digits>, with a sign.
        "1., 1",
        ".5Ki, 512",
        "+2, 2",
        "-1Gi, -1073741824",
        "007, 7",
        "500m, 0.5",
        "5n, 0.000000005",
    })
    void readsTheKubernetesGrammar(String quantity, String expected) {
        assertValue(expected, quantity);
    }

    @Test
    void roundsUpToNanoUnitsAsTheApiServerDoes() {
        // quantity.go: "This rounds non-zero values up to the minimum representable value" (inf.RoundUp at Nano).
        assertValue("0.000000001", "0.1n");
        assertValue("-0.000000001", "-0.1n");
        assertValue("1.000000001", "1.0000000001");
    }

    @Test
    void capsBinaryQuantitiesAtTheLargestInt64LikeTheApiServer() {
        // quantity.go: "if format == BinarySI && amount.Cmp(maxAllowed.Dec) > 0 { amount.Set(maxAllowed.Dec) }"
        assertValue("9223372036854775807", "8Ei");
        assertValue("9223372036854775807", "16Ei");
        assertValue("16000000000000000000", "16E");
    }

    @Test
    void comparesExactlyWhereALongWouldOverflow() {
        assertEquals(1, KubeQuantity.parse("9E").compareTo(KubeQuantity.parse("7Ei")));
        assertEquals(-1, KubeQuantity.parse("1Ei").compareTo(KubeQuantity.parse("1152921504606846977")));
        assertEquals(0, KubeQuantity.parse("1024Pi").compareTo(KubeQuantity.parse("1Ei")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10GB", "512MB", "1K", "10gi", "1e", "1Ki3", "1e3i", "1EE3", "1.5.2Gi", "10 Gi", " 1Gi",
        "1Gi ", "Ei", "1e99999999999999999999", "1Mi-", "0x10", "1_000", "∞"})
    void refusesWhatIsNotAQuantity(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KubeQuantity.parse(text));
        assertEquals("'" + text + "' is not a Kubernetes quantity", e.getMessage());
    }

    /**
     * Stricter than the API server on purpose: its scanner reads a number without a digit as zero
     * ("Gi", "+", "." parse to 0), and it truncates an exponent to 32 bits (1e4294967296 is 1).
     */
    @ParameterizedTest
    @ValueSource(strings = {"Gi", "+", ".", "-m", "1e4294967296", "1e-2147483649"})
    void refusesNumbersWithoutADigitAndExponentsThatWouldWrap(String text) {
        assertThrows(IllegalArgumentException.class, () -> KubeQuantity.parse(text));
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> KubeQuantity.parse(null));
    }
}
