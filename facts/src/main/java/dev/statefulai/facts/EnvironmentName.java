package dev.statefulai.facts;

import java.util.regex.Pattern;

/**
 * What an environment may be called: it names the folder {@code dist/<env>}, the file {@code values-<env>.yaml} and
 * {@code environments/<env>.yaml}, and is part of object names (a snapshot class, a backup schedule), so it is a
 * DNS-1123 label: {@code dns1123LabelFmt} and {@code DNS1123LabelMaxLength} of k8s.io/apimachinery
 * {@code pkg/util/validation/validation.go} (release-1.28). One rule for synth, new-app and the gate's policy and --as.
 */
public final class EnvironmentName {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int MAX_LENGTH = 63;

    /** The rule as messages say it, after "allowed: ". */
    public static final String RULE = "a DNS-1123 label: at most 63 characters, lower-case letters, digits and '-', starting"
            + " and ending with a letter or digit, such as prod";

    private EnvironmentName() {
    }

    /** Whether {@code name} may name an environment. */
    public static boolean isValid(String name) {
        return name.length() <= MAX_LENGTH && LABEL.matcher(name).matches();
    }
}
