package dev.statefulai.constructs.storage.files;

import dev.statefulai.constructs.storage.Checks;
import dev.statefulai.facts.drivers.GcpDrivers;
import java.util.Map;

/**
 * An existing Filestore share: volume handle {@code modeInstance/<location>/<instance>/<share>},
 * {@code volumeAttributes} {@code ip} and {@code volume} (the share), as the driver's
 * docs/kubernetes/pre-provisioned-pv.md writes it. No node affinity: every node of the VPC reaches it.
 * Create with {@link Filestore#existingVolume}.
 */
public final class FilestoreVolume extends AttributedVolume {
    private static final String CONSTRUCT = "FilestoreVolume";

    FilestoreVolume(String location, String instance, String share, String ip) {
        super(GcpDrivers.FILESTORE, Checks.formatted(CONSTRUCT, "share", "modeInstance/"
                + Checks.required(CONSTRUCT, "location", location, l -> l.matches("[a-z]+-[a-z]+[0-9]+(-[a-z])?"),
                        "the instance's zone or region, such as us-central1-a or us-central1") + "/"
                + Checks.required(CONSTRUCT, "instance", instance, i -> i.matches("[a-z]([-a-z0-9]*[a-z0-9])?"), "the instance's name") + "/"
                + Checks.required(CONSTRUCT, "share", share, s -> s.matches("[A-Za-z0-9_]+"), "the file share's name, such as vol1"),
                GcpDrivers.FILESTORE.volumeHandle()),
                Map.of("volume", share, "ip", Checks.required(CONSTRUCT, "ip", ip, a -> a.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}"),
                        "the instance's IPv4 address")));
    }

    /** The file share's name. */
    public String share() {
        return attribute("volume");
    }

    /** The instance's IP address. */
    public String ip() {
        return attribute("ip");
    }
}
