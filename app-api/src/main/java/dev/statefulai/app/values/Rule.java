package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A rule on a values record component beyond its Java type, checked before binding with the same
 * code the constructs use, so a values file is refused with the same words a construct would use.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Rule {

    /** What the value must be. */
    Kind value();

    /** The kinds of rule. */
    enum Kind {
        /** A storage or memory quantity greater than zero, e.g. {@code 10Gi}. */
        SIZE,
        /** A CPU quantity greater than zero, e.g. {@code 500m}. */
        CPU,
        /** A DNS-1123 label (namespaces, app and claim names). */
        DNS_LABEL,
        /** A DNS-1123 subdomain (StorageClass, PersistentVolume and node names). */
        DNS_SUBDOMAIN,
        /** An integer of 1 or more. */
        POSITIVE,
        /** An integer of 0 or more. */
        NON_NEGATIVE;

        /** Checks {@code value}; throws {@link InvalidPropsException} naming what is allowed. */
        public void check(String key, Object value) {
            // The constructs' checks only record a refusal while a synth collects them: here it must be thrown.
            List<InvalidPropsException> refused = Refusals.collect(() -> checkOrRecord(key, value));
            if (!refused.isEmpty()) {
                throw refused.get(0);
            }
        }

        private void checkOrRecord(String key, Object value) {
            switch (this) {
                case SIZE -> Validate.size("values", key, String.valueOf(value));
                case CPU -> Validate.cpu("values", key, String.valueOf(value));
                case DNS_LABEL -> Validate.dnsLabel("values", key, String.valueOf(value));
                case DNS_SUBDOMAIN -> Validate.dnsSubdomain("values", key, String.valueOf(value));
                case POSITIVE -> Validate.atLeast("values", key, ((Number) value).intValue(), 1);
                case NON_NEGATIVE -> Validate.atLeast("values", key, ((Number) value).intValue(), 0);
                default -> throw new IllegalStateException(name());
            }
        }
    }
}
