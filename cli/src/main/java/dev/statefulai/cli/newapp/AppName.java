package dev.statefulai.cli.newapp;

import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * A new app's name and what is derived from it: {@code my-store} gives the package
 * {@code dev.statefulai.apps.mystore} and the classes {@code MyStoreApp} and {@code MyStoreValues}.
 */
record AppName(String value) {
    static final String PACKAGE_PREFIX = "dev.statefulai.apps.";
    private static final Pattern LETTER_FIRST_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    /**
     * The name, if it can name the kind's Kubernetes objects, the namespaces {@code <name>-<env>} of
     * the non-production environments, and a Java package; throws {@link Refusal} otherwise.
     */
    static AppName parse(String name, AppKind kind, List<String> environments) {
        int max = maxLength(kind, environments);
        if (name.length() > max || !LETTER_FIRST_LABEL.matcher(name).matches()) {
            throw new Refusal("app name '" + name + "' is not allowed; allowed: a DNS-1123 label that starts with a letter: "
                    + "lower-case letters, digits and '-', ending with a letter or digit, at most " + max + " characters here "
                    + "(the name becomes " + kind.namedObject() + ", the namespaces <name>-<env> and the Java package "
                    + PACKAGE_PREFIX + "<name without dashes>)");
        }
        AppName parsed = new AppName(name);
        if (!SourceVersion.isName(parsed.packageName())) {
            throw new Refusal("app name '" + name + "' is not allowed: its Java package " + parsed.packageName()
                    + " ends in a Java keyword; allowed: a name that is no Java keyword once its dashes are removed");
        }
        return parsed;
    }

    private static int maxLength(AppKind kind, List<String> environments) {
        int longestSuffix = environments.stream().filter(e -> EnvProfile.of(e) != EnvProfile.PROD)
                .mapToInt(e -> e.length() + 1).max().orElse(0);
        return Math.min(kind.maxNameLength(), 63 - longestSuffix);
    }

    /** The package of the app's classes, e.g. {@code dev.statefulai.apps.mystore}. */
    String packageName() {
        return PACKAGE_PREFIX + value.replace("-", "");
    }

    /** The package as a folder, e.g. {@code dev/statefulai/apps/mystore}. */
    String packagePath() {
        return packageName().replace('.', '/');
    }

    /** The prefix of the app's class names, e.g. {@code MyStore}. */
    String classPrefix() {
        return pascalCase(value);
    }

    /** {@code my-store} to {@code MyStore}, {@code prod-eu} to {@code ProdEu}. */
    static String pascalCase(String s) {
        StringBuilder out = new StringBuilder();
        for (String part : s.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
