package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.scratch.ScratchVolume;
import java.util.Locale;

/**
 * A scratch directory in values files: data that lives as long as the pod, always bounded (see
 * {@link ScratchVolume}).
 *
 * @param name         the volume's name
 * @param mountPath    where the container sees it
 * @param size         its size limit (a claim's request for {@code ephemeral})
 * @param medium       {@code disk} (default: an emptyDir on the node's disk), {@code memory} (tmpfs, counted against
 *                     memory) or {@code ephemeral} (a claim of its own, created and deleted with the pod)
 * @param storageClass for {@code ephemeral}: the claim's class; default the cluster's default class
 */
public record ScratchValues(@Rule(Rule.Kind.DNS_LABEL) String name, String mountPath, @Rule(Rule.Kind.SIZE) String size, Medium medium,
                            @Rule(Rule.Kind.DNS_SUBDOMAIN) String storageClass) {

    /** Where a scratch directory's data lives. */
    public enum Medium {
        DISK, MEMORY, EPHEMERAL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The construct's volume; its refusals ({@code ScratchVolume 'x'}: {@code size}) name the keys of this record. */
    public ScratchVolume toScratch() {
        PropSources.feeds("ScratchVolume '" + name + "'", "", this, null);
        if (storageClass != null && medium != Medium.EPHEMERAL) {
            throw new InvalidPropsException("ScratchVolume '" + name + "'", "storageClass", storageClass,
                    "none unless medium is ephemeral: only a claim has a class");
        }
        return switch (medium == null ? Medium.DISK : medium) {
            case DISK -> ScratchVolume.emptyDir(name, mountPath, size);
            case MEMORY -> ScratchVolume.memory(name, mountPath, size);
            case EPHEMERAL -> ScratchVolume.ephemeral(name, mountPath, size, storageClass);
        };
    }
}
