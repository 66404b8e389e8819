package dev.statefulai.constructs.pod;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;

/** A named TCP port of the main container, also published by the headless Service. */
public record PortSpec(String name, int port) {
    public PortSpec {
        Validate.dnsLabel("PortSpec", "ports.name", name);
        if (name.length() > 15) {
            Refusals.refuse(new InvalidPropsException("PortSpec", "ports.name", name, "an IANA service name of at most 15 characters"));
        }
        if (name.chars().noneMatch(Character::isLetter)) {
            Refusals.refuse(new InvalidPropsException("PortSpec", "ports.name", name,
                    "an IANA service name with at least one letter: Kubernetes reads an all-digit name as a port number"));
        }
        if (port < 1 || port > 65535) {
            Refusals.refuse(new InvalidPropsException("PortSpec", "ports.port", port, "a port number from 1 to 65535"));
        }
    }

    /** A port named {@code name}. */
    public static PortSpec of(String name, int port) {
        return new PortSpec(name, port);
    }
}
