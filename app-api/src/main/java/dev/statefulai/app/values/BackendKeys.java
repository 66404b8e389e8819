package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.facts.RecordComponents;
import java.util.Arrays;
import java.util.List;

/** The keys of a values record whose backends (or drivers) each take some of them: one given for another is refused. */
final class BackendKeys {
    private BackendKeys() {
    }

    /**
     * Refuses each key of {@code values} that is given, that some choice of {@code chosen}'s type takes, and that
     * {@code chosen} does not take ({@link DriverChoice#keys()}), in the record's order, as the prop {@code <record>.<key>},
     * e.g. {@code storageClass.iops}. The keys every choice takes (a class's name) are never refused.
     *
     * @param kind   what chooses the keys, e.g. {@code backend} or {@code driver}
     * @param chosen the backend or driver chosen
     */
    static <C extends Enum<C> & DriverChoice> void refuseOthers(String record, String kind, C chosen, Record values) {
        List<String> someTake = Arrays.stream(chosen.getDeclaringClass().getEnumConstants()).flatMap(c -> c.keys().stream()).toList();
        for (RecordComponents.Component component : RecordComponents.of(values.getClass())) {
            if (someTake.contains(component.name())) {
                refuseOthers(record, kind, chosen, chosen.keys(), component.name(), component.read(values));
            }
        }
    }

    /**
     * Refuses each key of {@code keyValues} (name, value, name, value...) that is given and not among {@code taken},
     * as the prop {@code <record>.<key>}, e.g. {@code storageClass.iops}.
     *
     * @param kind    what chooses the keys, e.g. {@code backend} or {@code driver}
     * @param chosen  the backend or driver chosen, as values files spell it
     */
    static void refuseOthers(String record, String kind, Object chosen, List<String> taken, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null && !taken.contains((String) keyValues[i])) {
                Refusals.refuse(new InvalidPropsException(record, record + "." + keyValues[i], keyValues[i + 1],
                        "nothing for " + kind + " " + chosen + ": " + keyValues[i] + " belongs to another " + kind));
            }
        }
    }
}
