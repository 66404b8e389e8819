package dev.statefulai.constructs.tier;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.storage.StorageClassSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The checks of a workload's tier changes, by template: the rules of {@code StorageProps.Builder.changeTier}. */
public final class TierChanges {
    private TierChanges() {
    }

    /**
     * Refuses a change of a template that is not among {@code templates} or is shared, and, for a template
     * on the workload's own class ({@code onOwnClass}), a tier of another driver than {@code ownClass}'s.
     */
    public static void check(String construct, Map<String, VolumeTier> changes, List<ClaimTemplate> templates, StorageClassSpec ownClass,
                             Predicate<ClaimTemplate> onOwnClass) {
        List<String> names = templates.stream().map(ClaimTemplate::name).toList();
        for (Map.Entry<String, VolumeTier> change : changes.entrySet()) {
            String prop = "changeTier['" + change.getKey() + "']";
            ClaimTemplate t = templates.stream().filter(c -> c.name().equals(change.getKey())).findFirst().orElse(null);
            if (t == null || t.isShared()) {
                Refusals.refuse(new InvalidPropsException(construct, prop, change.getValue().toString(), "the name of a per-replica claim"
                        + " template: " + names + (t == null ? "" : "; '" + t.name() + "' is one shared claim: put the annotations on it")));
            } else if (onOwnClass.test(t) && !ownClass.backend().provisioner().equals(change.getValue().provisioner())) {
                Refusals.refuse(new InvalidPropsException(construct, prop, change.getValue().toString(), "a tier of the driver of the app's"
                        + " StorageClass '" + ownClass.name() + "' (" + ownClass.backend().displayName() + "), which modifies its own volumes only"));
            }
        }
    }
}
