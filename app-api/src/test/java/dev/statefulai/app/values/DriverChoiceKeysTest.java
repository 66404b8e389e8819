package dev.statefulai.app.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys a backend or driver takes are keys of its values record: a misspelt one would never be refused for another. */
class DriverChoiceKeysTest {

    @Test
    void everyKeyAChoiceTakesIsAKeyOfItsRecord() {
        Map<Class<? extends Record>, DriverChoice[]> choices = Map.of(StorageClassValues.class, StorageClassValues.Backend.values(),
                SharedFileSystemValues.class, SharedFileSystemValues.Backend.values(), BucketValues.class, BucketValues.Driver.values());
        choices.forEach((record, all) -> {
            List<String> keys = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
            for (DriverChoice choice : all) {
                assertTrue(keys.containsAll(choice.keys()), choice + " takes " + choice.keys() + ", not all keys of " + record.getSimpleName());
            }
        });
    }

    @Test
    void aKeyOfAnotherBackendIsRefusedInTheRecordsOrderAndTheSharedKeysNever() {
        StorageClassValues values = new StorageClassValues("fast", StorageClassValues.Backend.EFS, null, "gp3", null, null, 3000, null,
                null, null, null, null, null, null, null, List.of("nfsvers=4.1"));
        List<String> refused = dev.statefulai.constructs.Refusals.collect(values::toBackend).stream().map(e -> e.getMessage()).toList();
        assertEquals(2, refused.size(), refused::toString);
        assertTrue(refused.get(0).contains("storageClass.volumeType") && refused.get(0).contains("nothing for backend efs"), refused.get(0));
        assertTrue(refused.get(1).contains("storageClass.iops"), refused.get(1));
    }
}
