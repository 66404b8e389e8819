package dev.statefulai.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.app.values.PropSources;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.engine.values.LocatedYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused prop is traced to the values key the code said fed it, not to every key that ends like it. */
class PropOriginsTest {
    record StorageClass(String name) {
    }

    record SecretEnv(String name, String secret) {
    }

    record Volume(String name, String size, String volumeId) {
    }

    record Values(StorageClass storageClass, List<SecretEnv> secretEnv, List<Volume> volumes, String image) {
    }

    private static final Values VALUES = new Values(new StorageClass("Fast_SSD"),
            List.of(new SecretEnv("HF_TOKEN", "hf"), new SecretEnv("hf token", "hf")),
            List.of(new Volume("a", "1Gi", "vol-1"), new Volume("b", "2Gi", "vol-2")), "x");

    /** Every key of {@link #VALUES}, as a values file would set them. */
    private static final Map<String, LocatedYaml.Origin> ORIGINS = Map.ofEntries(
            Map.entry("/storageClass", origin(1)), Map.entry("/storageClass/name", origin(2)),
            Map.entry("/secretEnv", origin(3)), Map.entry("/secretEnv/0", origin(4)), Map.entry("/secretEnv/0/name", origin(4)),
            Map.entry("/secretEnv/0/secret", origin(5)), Map.entry("/secretEnv/1", origin(6)), Map.entry("/secretEnv/1/name", origin(6)),
            Map.entry("/secretEnv/1/secret", origin(7)), Map.entry("/volumes", origin(8)), Map.entry("/volumes/0", origin(9)),
            Map.entry("/volumes/0/name", origin(9)), Map.entry("/volumes/0/size", origin(10)), Map.entry("/volumes/0/volumeId", origin(11)),
            Map.entry("/volumes/1", origin(12)), Map.entry("/volumes/1/name", origin(12)), Map.entry("/volumes/1/size", origin(13)),
            Map.entry("/volumes/1/volumeId", origin(14)), Map.entry("/image", origin(15)));

    private static LocatedYaml.Origin origin(int line) {
        return new LocatedYaml.Origin("values.yaml", line);
    }

    /** The feeds an app's define() and the values types would tell. */
    private static PropOrigins fed() {
        PropOrigins origins = new PropOrigins(VALUES, ORIGINS);
        PropSources.listening(origins, () -> {
            PropSources.feeds("storageClass", VALUES.storageClass());
            for (int i = 0; i < VALUES.secretEnv().size(); i++) {
                PropSources.feeds("secretEnv[" + i + "]", VALUES.secretEnv().get(i));
            }
            for (int i = 0; i < VALUES.volumes().size(); i++) {
                PropSources.feeds("volumes[" + i + "]", VALUES.volumes().get(i));
                PropSources.feeds("EbsVolume", "", VALUES.volumes().get(i), null);
            }
            return null;
        });
        return origins;
    }

    @Test
    void storageClassNameAndSecretEnvNameNoLongerCollide() {
        // The last word of both props is "name": the old guess named /storageClass/name and both /secretEnv/<n>/name for each.
        assertEquals(List.of("/storageClass/name"),
                fed().of(new InvalidPropsException("StorageClass 'Fast_SSD'", "storageClass.name", "Fast_SSD", "a DNS-1123 subdomain")));
        assertEquals(List.of("/secretEnv/1/name"),
                fed().of(new InvalidPropsException("StatefulAIApp 'x'", "secretEnv[1].name", "hf token", "an environment variable name")));
    }

    @Test
    void aPropOfTheSecondVolumeIsThatVolumesKey() {
        assertEquals(List.of("/volumes/1/size"),
                fed().of(new InvalidPropsException("DataPipelineStorage 'p'", "volumes[1].size", "2Gi", "at least the volume's size")));
    }

    @Test
    void twoVolumesFeedingOneConstructsPropAreToldApartByTheValueRefused() {
        assertEquals(List.of("/volumes/1/volumeId"),
                fed().of(new InvalidPropsException("EbsVolume", "volumeId", "vol-2", "an EBS volume id such as vol-0123456789abcdef0")));
    }

    @Test
    void aPropNoCodeSpokeOfIsTheKeyOfExactlyItsPathOrNone() {
        assertEquals(List.of("/image"), fed().of(new InvalidPropsException("StatefulAIApp 'x'", "image", "x", "a container image")));
        assertEquals(List.of(), fed().of(new InvalidPropsException("StatefulAIApp 'x'", "name", "x", "a DNS-1123 label")));
        assertEquals("/env/HF_TOKEN", PropOrigins.pointerOf("env['HF_TOKEN']"));
        assertEquals("/claimTemplates/1/size", PropOrigins.pointerOf("claimTemplates[1].size"));
    }

    @Test
    void aFedKeyNoLayerSetIsNamedButHasNoOrigin() {
        Values noImage = new Values(null, List.of(), List.of(), null);
        PropOrigins origins = new PropOrigins(noImage, Map.of());
        PropSources.listening(origins, () -> {
            PropSources.feeds(null, "image", noImage, "image");
            return null;
        });
        assertEquals(List.of("/image"), origins.of(new InvalidPropsException("StatefulAIApp 'x'", "image", null, "a container image")));
    }
}
