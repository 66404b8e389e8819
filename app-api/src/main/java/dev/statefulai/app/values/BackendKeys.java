package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import java.util.List;

/** The keys of a values record whose backends (or drivers) each take some of them: one given for another is refused. */
final class BackendKeys {
    private BackendKeys() {
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
