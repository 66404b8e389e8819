package dev.statefulai.constructs.pod;

import static dev.statefulai.constructs.Messages.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortSpecTest {

    @Test
    void keepsNameAndPort() {
        PortSpec p = PortSpec.of("grpc", 6334);
        assertEquals("grpc", p.name());
        assertEquals(6334, p.port());
        assertEquals(new PortSpec("grpc", 6334), p);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65535})
    void acceptsTheWholePortRange(int port) {
        assertEquals(port, PortSpec.of("http", port).port());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void rejectsAPortOutsideTheRange(int port) {
        assertInvalid("PortSpec: prop 'ports.port' is " + port + "; allowed: a port number from 1 to 65535",
                () -> PortSpec.of("http", port));
    }

    @Test
    void acceptsAFifteenCharacterNameButNotSixteen() {
        assertEquals("metrics-export1", PortSpec.of("metrics-export1", 9090).name());
        assertInvalid("PortSpec: prop 'ports.name' is 'metrics-exporter'; allowed: an IANA service name of at most 15 characters",
                () -> PortSpec.of("metrics-exporter", 9090));
    }

    @Test
    void rejectsANameThatIsNotADnsLabel() {
        assertInvalid("PortSpec: prop 'ports.name' is 'HTTP'; allowed: " + Messages.DNS_LABEL, () -> PortSpec.of("HTTP", 80));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080", "1", "443-8443"})
    void rejectsANameWithoutALetter(String name) {
        assertInvalid("PortSpec: prop 'ports.name' is '" + name + "'; allowed: an IANA service name with at least one letter: "
                + "Kubernetes reads an all-digit name as a port number", () -> PortSpec.of(name, 8080));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "http-8080", "p2p"})
    void acceptsNamesWithDigitsAndALetter(String name) {
        assertEquals(name, PortSpec.of(name, 8080).name());
    }

    @Test
    void rejectsAMissingName() {
        assertInvalid("PortSpec: prop 'ports.name' is missing; allowed: " + Messages.DNS_LABEL, () -> PortSpec.of(null, 80));
    }
}
