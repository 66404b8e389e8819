package dev.statefulai.constructs.storage;

import static dev.statefulai.constructs.storage.Checks.refuse;

import dev.statefulai.facts.drivers.GcpDrivers;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An existing GCE persistent disk, with node affinity to its zone (zonal disk) or to its two replica
 * zones (regional disk): a disk attaches only to nodes in those zones. Create with
 * {@link GcePd#existingVolume} or {@link GcePd#existingRegionalVolume}. Its {@link #handle()} is the disk's
 * resource path, e.g. {@code projects/p/zones/us-central1-a/disks/features}.
 */
public final class GcePdVolume extends CatalogVolume {
    private static final String CONSTRUCT = "GcePdVolume";
    private static final Pattern PROJECT = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");
    private static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+[0-9]+-[a-z]");
    private static final Pattern DISK = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private GcePdVolume(String handle, List<String> zones, String fsType) {
        super(GcpDrivers.PD, handle, fsType, zones);
    }

    static GcePdVolume zonal(String project, String zone, String disk, String fsType) {
        checkProjectAndDisk(project, disk);
        check("zone", zone, ZONE, "a zone such as us-central1-a");
        return new GcePdVolume("projects/" + project + "/zones/" + zone + "/disks/" + disk, List.of(zone), fsType);
    }

    static GcePdVolume regional(String project, String region, String disk, List<String> replicaZones, String fsType) {
        checkProjectAndDisk(project, disk);
        check("region", region, REGION, "a region such as us-central1");
        String rule = "the two distinct zones of " + region + " the disk is replicated to, such as " + region + "-a and " + region + "-b";
        if (replicaZones == null || replicaZones.size() != 2 || replicaZones.get(0).equals(replicaZones.get(1))) {
            refuse(CONSTRUCT, "replicaZones", replicaZones, rule);
        }
        for (String zone : replicaZones) {
            if (zone == null || !ZONE.matcher(zone).matches() || !zone.startsWith(region + "-")) {
                refuse(CONSTRUCT, "replicaZones", replicaZones, rule);
            }
        }
        return new GcePdVolume("projects/" + project + "/regions/" + region + "/disks/" + disk,
                replicaZones.stream().sorted().toList(), fsType);
    }

    private static void checkProjectAndDisk(String project, String disk) {
        check("project", project, PROJECT, "a Google Cloud project id: 6 to 30 lower-case letters, digits and '-', starting with a letter");
        check("disk", disk, DISK, "a disk name: at most 63 lower-case letters, digits and '-', starting with a letter");
    }

    private static void check(String prop, String value, Pattern pattern, String rule) {
        Checks.required(CONSTRUCT, prop, value, pattern.asMatchPredicate(), rule);
    }

    /** The zones the disk can attach in. */
    public List<String> zones() {
        return places();
    }
}
