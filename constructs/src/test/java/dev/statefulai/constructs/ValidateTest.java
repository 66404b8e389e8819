package dev.statefulai.constructs;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateTest {
    private static final String C = "Thing 'x'";

    @Test
    void rulesReadAsDocumented() {
        assertEquals("a DNS-1123 label: at most 63 characters, lower-case letters, digits and '-', "
                + "starting and ending with a letter or digit", Messages.DNS_LABEL);
        assertEquals("a DNS-1123 subdomain: at most 253 characters, lower-case letters, digits, '-' and '.', "
                + "each part starting and ending with a letter or digit", Messages.DNS_SUBDOMAIN);
        assertEquals("a Kubernetes quantity greater than zero, such as 500Mi, 10Gi or 2Ti (binary) or 100G (decimal); "
                + "'GB' and 'MB' are not Kubernetes units", Messages.SIZE);
    }

    @Nested
    class InvalidPropsExceptionText {
        @Test
        void quotesAStringValueAndExposesItsParts() {
            InvalidPropsException e = new InvalidPropsException("Thing 'x'", "size", "10GB", "a quantity");
            assertEquals("Thing 'x': prop 'size' is '10GB'; allowed: a quantity", e.getMessage());
            assertEquals("size", e.prop());
            assertEquals("10GB", e.given());
            assertEquals("a quantity", e.allowed());
        }

        @Test
        void writesANumberUnquoted() {
            InvalidPropsException e = new InvalidPropsException("Thing 'x'", "replicas", 0, "1 or more");
            assertEquals("Thing 'x': prop 'replicas' is 0; allowed: 1 or more", e.getMessage());
            assertEquals("0", e.given());
        }

        @Test
        void callsANullValueMissing() {
            InvalidPropsException e = new InvalidPropsException("Thing 'x'", "image", null, "an image");
            assertEquals("Thing 'x': prop 'image' is missing; allowed: an image", e.getMessage());
            assertNull(e.given());
        }
    }

    @Nested
    class Required {
        @Test
        void returnsAPresentValue() {
            Object value = new Object();
            assertSame(value, Validate.required(C, "p", value, "anything"));
        }

        @ParameterizedTest(name = "''{0}''")
        @NullSource
        @ValueSource(strings = {"", "  "})
        void rejectsNullOrABlankString(String blank) {
            assertInvalid("Thing 'x': prop 'image' is missing; allowed: an image",
                    () -> Validate.required(C, "image", blank, "an image"));
        }
    }

    /** A rule of {@link Validate} that returns the value it accepts: construct, prop, value. */
    @FunctionalInterface
    interface Check {
        String apply(String construct, String prop, String value);
    }

    /** A rule as the tables call it: on prop {@code prop}, refusing with {@code allowed}. */
    record Rule(String name, Check check, String prop, String allowed) {
        /** The same rule, for values it refuses with another {@code allowed}. */
        Rule because(String otherAllowed) {
            return new Rule(name, check, prop, otherAllowed);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Rule DNS_LABEL = new Rule("dnsLabel", Validate::dnsLabel, "name", Messages.DNS_LABEL);
    static final Rule DNS_SUBDOMAIN = new Rule("dnsSubdomain", Validate::dnsSubdomain, "node", Messages.DNS_SUBDOMAIN);
    static final Rule SIZE = new Rule("size", Validate::size, "size", Messages.SIZE);
    static final Rule CPU = new Rule("cpu", Validate::cpu, "cpu", "a CPU quantity greater than zero, such as 250m, 1 or 4");
    static final Rule ABSOLUTE_PATH = new Rule("absolutePath", Validate::absolutePath, "mountPath", "an absolute path such as /data");

    /** One row a value: {@code rule} and each of {@code values}. */
    private static Stream<Arguments> rows(Rule rule, String... values) {
        return Arrays.stream(values).map(v -> Arguments.of(rule, v));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                rows(DNS_LABEL, "a", "vector-db", "0", "llm-7b-2"),
                rows(DNS_SUBDOMAIN, "gp3", "ml.fast-ssd", "ip-10-0-1-23.ec2.internal"),
                rows(SIZE, "500Mi", "10Gi", "2Ti", "100G", "1.5Gi", ".5Gi", "1e3", "+1Gi", "1", "1Ei", "2E", "7Ei", "1.5E", "0.5Ki"),
                rows(CPU, "250m", "1", "4", "0.5"),
                rows(ABSOLUTE_PATH, "/var/lib/qdrant")).flatMap(r -> r);
    }

    /** Null is called missing. */
    static Stream<Arguments> refused() {
        return Stream.of(
                rows(DNS_LABEL, null, "Vector_DB", "vector_db", "-db", "db-", "vector.db", "Db"),
                rows(DNS_SUBDOMAIN, "Fast_SSD", "ml..fast", ".ml", "ml.", "ml.-fast"),
                rows(SIZE, null, "10GB", "512MB", "-1Gi", "0Gi", "0", "0.0Ti", "Gi", "10 Gi", "1.5.2Gi", "10gi"),
                rows(SIZE.because("a whole number of bytes, such as 1Gi, 1.5Gi or 100G ('m' means thousandths: mega is M or Mi)"),
                        "0.1", "500m", "1.5", "1m", "1E-3", "0.1Ki"),
                rows(SIZE.because("less than 8Ei (2^63 bytes): Kubernetes caps larger quantities"), "8Ei", "16Ei", "10E"),
                rows(CPU, "0", "0m", "-1", "2 cores", "1c"),
                rows(ABSOLUTE_PATH, "data", "./data", "/data/../etc", "/..", null)).flatMap(r -> r);
    }

    @ParameterizedTest(name = "{0} accepts ''{1}''")
    @MethodSource("accepted")
    void returnsTheValueItAccepts(Rule rule, String value) {
        assertEquals(value, rule.check().apply(C, rule.prop(), value));
    }

    @ParameterizedTest(name = "{0} refuses ''{1}''")
    @MethodSource("refused")
    void refusesWithItsRule(Rule rule, String value) {
        assertInvalid(Messages.refusal(C, rule.prop(), value, rule.allowed()), () -> rule.check().apply(C, rule.prop(), value));
    }

    @Nested
    class DnsLabel {
        @Test
        void acceptsSixtyThreeCharactersButNotSixtyFour() {
            assertEquals("a".repeat(63), Validate.dnsLabel(C, "name", "a".repeat(63)));
            assertInvalid("Thing 'x': prop 'name' is '" + "a".repeat(64) + "'; allowed: " + Messages.DNS_LABEL,
                    () -> Validate.dnsLabel(C, "name", "a".repeat(64)));
        }
    }

    @Nested
    class DnsSubdomain {
        @Test
        void acceptsTwoHundredFiftyThreeCharactersButNotMore() {
            String longest = ("a".repeat(62) + ".").repeat(4) + "a"; // 253
            assertEquals(253, longest.length());
            assertEquals(longest, Validate.dnsSubdomain(C, "node", longest));
            assertInvalid("Thing 'x': prop 'node' is '" + longest + "b'; allowed: " + Messages.DNS_SUBDOMAIN,
                    () -> Validate.dnsSubdomain(C, "node", longest + "b"));
        }
    }

    @Nested
    class AtLeast {
        @Test
        void acceptsTheMinimum() {
            assertEquals(1, Validate.atLeast(C, "replicas", 1, 1));
        }

        @Test
        void rejectsBelowTheMinimum() {
            assertInvalid("Thing 'x': prop 'replicas' is 0; allowed: an integer of 1 or more",
                    () -> Validate.atLeast(C, "replicas", 0, 1));
        }
    }

    @Nested
    class NonEmpty {
        @Test
        void returnsTheList() {
            List<String> list = List.of("a");
            assertSame(list, Validate.nonEmpty(C, "items", list, "one or more"));
        }

        @Test
        void rejectsEmptyAndNullAsMissing() {
            assertInvalid("Thing 'x': prop 'items' is missing; allowed: one or more",
                    () -> Validate.nonEmpty(C, "items", List.of(), "one or more"));
            assertInvalid("Thing 'x': prop 'items' is missing; allowed: one or more",
                    () -> Validate.nonEmpty(C, "items", null, "one or more"));
        }
    }

    @Nested
    class Bytes {
        @ParameterizedTest
        @CsvSource({
            "1Gi, 1073741824",
            "1G, 1000000000",
            "500Mi, 524288000",
            ".5Ki, 512",
            "1.5Gi, 1610612736",
            "2Ti, 2199023255552",
            "1e3, 1000",
            "1E-3, 0.001",
            "500m, 0.5",
            "+2, 2",
            "3, 3",
            "1Ei, 1152921504606846976",
            "2E, 2000000000000000000",
        })
        void convertsToBaseUnits(String quantity, String expected) {
            assertEquals(0, new BigDecimal(expected).compareTo(Validate.bytes(quantity)),
                    quantity + " -> " + Validate.bytes(quantity));
        }

        @Test
        void binaryAndDecimalUnitsDiffer() {
            assertEquals(1, Validate.bytes("1Gi").compareTo(Validate.bytes("1G")));
        }

        @Test
        void refusesANonQuantity() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Validate.bytes("10GB"));
            assertEquals("'10GB' is not a Kubernetes quantity", e.getMessage());
        }
    }
}
