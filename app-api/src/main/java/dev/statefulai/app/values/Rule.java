package dev.statefulai.app.values;

import dev.statefulai.constructs.InvalidPropsException;
import dev.statefulai.constructs.Refusals;
import dev.statefulai.constructs.Validate;
import dev.statefulai.facts.protection.Cron;
import dev.statefulai.facts.protection.Durations;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A rule on a values record component beyond its Java type. The values schema carries it (a
 * {@code pattern} and {@code maxLength} or a {@code minimum} that editors check as you type, and a
 * {@code format} named after the rule), and the synth checks it with the same code the constructs use,
 * so that a values file is refused with the same words a construct would use.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Rule {

    /** What the value must be. */
    Kind value();

    /** The kinds of rule. */
    enum Kind {
        /** A storage or memory quantity greater than zero, e.g. {@code 10Gi}. */
        SIZE(Keywords.text("kubernetes-size", Patterns.QUANTITY, null)),
        /** A CPU quantity greater than zero, e.g. {@code 500m}. */
        CPU(Keywords.text("kubernetes-cpu", Patterns.QUANTITY, null)),
        /** A DNS-1123 label (namespaces, app and claim names). */
        DNS_LABEL(Keywords.text("dns1123-label", Patterns.LABEL, 63)),
        /** A DNS-1123 subdomain (StorageClass, PersistentVolume and node names). */
        DNS_SUBDOMAIN(Keywords.text("dns1123-subdomain", Patterns.SUBDOMAIN, 253)),
        /**
         * The StorageClass a claim asks for: a DNS-1123 subdomain, or {@code -} for no class ({@code storageClassName: ""}:
         * only volumes pre-provisioned without a class bind it), as Helm charts spell it.
         */
        STORAGE_CLASS_NAME(Keywords.text("storage-class-name", "-|" + Patterns.SUBDOMAIN, 253)),
        /** A backup schedule: five cron fields in UTC, or a descriptor such as {@code @daily} ({@code Cron}). */
        CRON(Keywords.text("cron-schedule", Patterns.CRON, null)),
        /** How long backups are kept: a whole number of hours, minutes or seconds, e.g. {@code 720h} ({@code Durations}). */
        DURATION(Keywords.text("duration", Patterns.DURATION, null)),
        /** An integer of 1 or more. */
        POSITIVE(Keywords.atLeast(1)),
        /** An integer of 0 or more. */
        NON_NEGATIVE(Keywords.atLeast(0));

        /** {@link #STORAGE_CLASS_NAME}'s spelling of "no class". */
        public static final String NO_CLASS = "-";

        private final Keywords keywords;

        Kind(Keywords keywords) {
            this.keywords = keywords;
        }

        /** The schema keywords that carry the rule. */
        public Keywords keywords() {
            return keywords;
        }

        /** What is allowed, in the words the constructs refuse a value with (the schema's description). */
        public String allowed() {
            // A value just below the minimum, or an empty text, is refused by every rule: its refusal says what is allowed.
            return (keywords.minimum() != null ? refusal(keywords.minimum() - 1) : refusal("")).allowed();
        }

        /** The rule of {@code format}, when a rule has that format. */
        public static java.util.Optional<Kind> ofFormat(String format) {
            return java.util.Arrays.stream(values()).filter(k -> format.equals(k.keywords.format())).findFirst();
        }

        /** Checks {@code value}; throws {@link InvalidPropsException} naming what is allowed. */
        public void check(String key, Object value) {
            InvalidPropsException refused = refusal(key, value);
            if (refused != null) {
                throw refused;
            }
        }

        private InvalidPropsException refusal(Object value) {
            return refusal("values", value);
        }

        /** The refusal of {@code value}, or null when it is allowed. */
        private InvalidPropsException refusal(String key, Object value) {
            // The constructs' checks only record a refusal while a synth collects them: here it is returned.
            List<InvalidPropsException> refused = Refusals.collect(() -> checkOrRecord(key, value));
            return refused.isEmpty() ? null : refused.get(0);
        }

        private void checkOrRecord(String key, Object value) {
            switch (this) {
                case SIZE -> Validate.size("values", key, String.valueOf(value));
                case CPU -> Validate.cpu("values", key, String.valueOf(value));
                case DNS_LABEL -> Validate.dnsLabel("values", key, String.valueOf(value));
                case DNS_SUBDOMAIN -> Validate.dnsSubdomain("values", key, String.valueOf(value));
                case STORAGE_CLASS_NAME -> {
                    if (!NO_CLASS.equals(value)) {
                        List<InvalidPropsException> refused = Refusals.collect(() -> Validate.dnsSubdomain("values", key, String.valueOf(value)));
                        if (!refused.isEmpty()) {
                            Refusals.refuse(new InvalidPropsException("values", key, value, "the name of a StorageClass, "
                                    + refused.get(0).allowed() + "; or " + NO_CLASS + " for no class (only volumes pre-provisioned "
                                    + "without a class bind the claim)"));
                        }
                    }
                }
                case CRON -> {
                    if (Cron.parse(String.valueOf(value)).isEmpty()) {
                        Refusals.refuse(new InvalidPropsException("values", key, value, Cron.ALLOWED));
                    }
                }
                case DURATION -> {
                    if (Durations.seconds(String.valueOf(value)).isEmpty()) {
                        Refusals.refuse(new InvalidPropsException("values", key, value, Durations.ALLOWED));
                    }
                }
                case POSITIVE, NON_NEGATIVE -> Validate.atLeast("values", key, ((Number) value).intValue(), keywords.minimum());
                default -> throw new IllegalStateException(name());
            }
        }
    }

    /**
     * What the values schema says of a rule, for editors to check as you type; the rule's {@link Kind#check} is the
     * authority.
     *
     * @param format    the {@code format} of a text rule, named after the rule, e.g. {@code kubernetes-size}; null for a number rule
     * @param pattern   the {@code pattern} of a text rule (ECMA 262, anchored): it refuses what is never allowed
     *                  ({@code 10GB}, {@code Team_A}), while a size must also be more than zero and a whole number of bytes
     * @param maxLength the {@code maxLength} of a name; null when there is none
     * @param minimum   the {@code minimum} of a number rule; null for a text rule
     */
    record Keywords(String format, String pattern, Integer maxLength, Integer minimum) {
        static Keywords text(String format, String regex, Integer maxLength) {
            return new Keywords(format, Patterns.anchored(regex), maxLength, null);
        }

        static Keywords atLeast(int minimum) {
            return new Keywords(null, null, null, minimum);
        }
    }

    /** The schema patterns of the text rules (ECMA 262 and Java read them alike). */
    final class Patterns {
        /**
         * {@code ParseQuantity}'s grammar (k8s.io/apimachinery {@code pkg/api/resource/quantity.go}, release-1.28) without
         * a minus sign: a number, then a binary or decimal suffix or an exponent.
         */
        static final String QUANTITY = "\\+?([0-9]+\\.?[0-9]*|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?";
        /** Five cron fields (snapscheduler's CRD pattern of {@code spec.schedule}, which Velero reads alike) or a descriptor. */
        static final String CRON = "@(hourly|daily|weekly|monthly|yearly|annually)|((\\d+,)*\\d+|\\d+[/-]\\d+|\\*(/\\d+)?)"
                + "( ((\\d+,)*\\d+|\\d+[/-]\\d+|\\*(/\\d+)?)){4}";
        /** snapscheduler's pattern of {@code retention.expires}, a Go duration Velero's {@code ttl} reads. */
        static final String DURATION = "\\d{1,9}(h|m|s)";
        /** {@code dns1123LabelFmt} of k8s.io/apimachinery {@code pkg/util/validation/validation.go}. */
        static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
        /** {@code dns1123SubdomainFmt} of the same file: labels joined by dots. */
        static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";

        private Patterns() {
        }

        /** {@code regex} for the whole value. */
        static String anchored(String regex) {
            return "^(" + regex + ")$";
        }
    }
}
