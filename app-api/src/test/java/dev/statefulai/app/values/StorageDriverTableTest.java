package dev.statefulai.app.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statefulai.app.values.StorageClassValues.Backend;
import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.facts.drivers.DriverCatalog;
import dev.statefulai.facts.drivers.Expansion;
import dev.statefulai.facts.drivers.Modes;
import dev.statefulai.facts.drivers.StorageDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's table of storage drivers is the catalog's: it is rendered here from {@link DriverCatalog}
 * (and the values name of each {@link Backend}), and a difference fails with the table to paste.
 */
class StorageDriverTableTest {
    private static final String BEGIN = "<!-- storage-drivers: generated from the catalog by StorageDriverTableTest -->\n";
    private static final String END = "<!-- storage-drivers: end -->\n";
    private static final Map<String, String> SHORT_MODES = Map.of(Modes.READ_WRITE_ONCE, "RWO", Modes.READ_ONLY_MANY, "ROX",
            Modes.READ_WRITE_MANY, "RWX", Modes.READ_WRITE_ONCE_POD, "RWOP");

    static String table() {
        StringBuilder out = new StringBuilder("| driver | provisioner | `backend:` in values | access modes | Block | encrypted at rest"
                + " | grows | snapshots | clones | topology key | parameters |\n"
                + "| --- | --- | --- | --- | :---: | --- | --- | :---: | :---: | --- | --- |\n");
        for (StorageDriver d : DriverCatalog.all()) {
            String backend = Stream.of(
                    Arrays.stream(Backend.values()).filter(b -> b.driver() == d).map(b -> "`" + b + "`"),
                    Arrays.stream(SharedFileSystemValues.Backend.values()).filter(b -> b.driver() == d).map(b -> "`" + b + "` (fileSystem)"),
                    Arrays.stream(BucketValues.Driver.values()).filter(b -> b.driver() == d).map(b -> "`" + b + "` (bucket.driver)"))
                    .flatMap(s -> s).collect(Collectors.joining(", "));
            String replaced = d.replacement().map(csi -> " (retired: use " + csi + ")").orElse("");
            out.append("| ").append(d.name()).append(replaced)
                    .append(" | `").append(d.provisioner()).append('`')
                    .append(" | ").append(backend.isEmpty() ? "gate only" : backend)
                    .append(" | ").append(d.accessModes().stream().map(SHORT_MODES::get).collect(Collectors.joining(", ")))
                    .append(" | ").append(yesNo(d.givesBlockVolumes()))
                    .append(" | ").append(d.encryption().note())
                    .append(" | ").append(d.expansion().grows() ? "yes" : d.expansion().kind() == Expansion.Kind.SIZE_NOT_ENFORCED
                            ? "not needed" : "no")
                    .append(" | ").append(yesNo(d.snapshots()))
                    .append(" | ").append(yesNo(d.clones()))
                    .append(" | ").append(d.topologyKey() == null ? "none" : "`" + d.topologyKey() + "`")
                    .append(" | [").append(!d.parameters().isEmpty() ? d.parameters().size() + " parameters"
                            : d.bucket().map(b -> "static only: " + b.volumeAttributes().size() + " volume attributes").orElse("none")).append("](")
                    .append(d.docs()).append(")")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("cdk8s.yaml"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("no folder with cdk8s.yaml above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theReadmesTableIsTheCatalogs() throws IOException {
        String text = Files.readString(readme(), StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no table between the lines\n" + BEGIN + END);
        assertEquals(table(), text.substring(begin + BEGIN.length(), end),
                "README.md's table of storage drivers differs from the catalog; paste this between its markers:\n" + table());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachBackendOfValuesFilesBuildsAClassOfItsCatalogDriver(Backend backend) {
        StorageClassValues values = new StorageClassValues(null, backend, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertSame(backend.driver(), values.toBackend().driver());
        assertSame(backend.driver(), DriverCatalog.require(values.toSpec("c").backend().provisioner()));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theKeysABackendTakesAreKeysOfTheRecord(Backend backend) {
        var components = Arrays.stream(StorageClassValues.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertTrue(components.containsAll(backend.keys()), backend + ": " + backend.keys());
    }

    @Test
    void aKeyOfAnotherBackendIsRefusedAsTheBackendsKeysSay() {
        StorageClassValues gcpWithIops = new StorageClassValues(null, Backend.GCE_PD, null, null, null, null, 3000, null, null, null,
                null, null, null, null, null, null);
        InvalidPropsException e = assertThrows(InvalidPropsException.class, gcpWithIops::toBackend);
        assertEquals("storageClass: prop 'storageClass.iops' is 3000; allowed: nothing for backend gce-pd: iops belongs to another"
                + " backend", e.getMessage());
        assertEquals(List.of(), Refusals.collect(() -> new StorageClassValues(null, Backend.AZURE_DISK, null, "PremiumV2_LRS", null, null,
                3000, 125, null, null, null, null, null, null, null, null).toBackend()));
    }
}
