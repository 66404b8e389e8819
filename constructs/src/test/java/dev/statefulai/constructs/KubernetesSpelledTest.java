package dev.statefulai.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statefulai.constructs.pod.ImagePullPolicy;
import dev.statefulai.constructs.pod.PodManagementPolicy;
import dev.statefulai.constructs.protection.BackupHooks;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enums' constants read as PascalCase give the spellings the manifests carry (accessModes,
 * persistentVolumeReclaimPolicy, volumeBindingMode, volumeMode, podManagementPolicy, imagePullPolicy, a Velero hook's
 * onError): each is written out here, so a renamed constant fails.
 */
class KubernetesSpelledTest {

    private static List<String> spellings(KubernetesSpelled[] constants) {
        return Arrays.stream(constants).map(KubernetesSpelled::value).toList();
    }

    @Test
    void constantsAreSpelledAsTheApiSpellsThem() {
        assertEquals(List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"), spellings(AccessMode.values()));
        assertEquals(List.of("Retain", "Delete"), spellings(ReclaimPolicy.values()));
        assertEquals(List.of("WaitForFirstConsumer", "Immediate"), spellings(VolumeBindingMode.values()));
        assertEquals(List.of("Filesystem", "Block"), spellings(VolumeMode.values()));
        assertEquals(List.of("OrderedReady", "Parallel"), spellings(PodManagementPolicy.values()));
        assertEquals(List.of("Always", "IfNotPresent", "Never"), spellings(ImagePullPolicy.values()));
        assertEquals(List.of("Fail", "Continue"), spellings(BackupHooks.OnError.values()));
    }

    @Test
    void toStringIsTheSpellingSoValuesFilesAndMessagesUseIt() {
        assertEquals("ReadWriteOncePod", AccessMode.READ_WRITE_ONCE_POD.toString());
        assertEquals("WaitForFirstConsumer", VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER.toString());
        assertEquals("IfNotPresent", ImagePullPolicy.IF_NOT_PRESENT.toString());
    }
}
