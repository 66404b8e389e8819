package dev.statefulai.cli.newapp;

import java.util.regex.Pattern;

/**
 * How careful an environment's generated values are. Only environments named like production or
 * like throw-away development get their own shape; every other one (staging, qa, perf...) gets the
 * shared shape, which keeps its data like production does.
 */
enum EnvProfile {
    /** Throw-away: one small replica, volumes deleted with their claims. */
    DEV("dev", "Delete"),
    /** Anything that is neither: production-shaped but smaller, volumes retained. */
    SHARED("shared", "Retain"),
    /** Production: more replicas and space, encrypted volumes retained when their claims go. */
    PROD("prod", "Retain");

    private static final Pattern PROD_NAMES = Pattern.compile("(prod|production|prd|live)(-.*)?");
    private static final Pattern DEV_NAMES = Pattern.compile("(dev|development|local|sandbox|test|ci|preview)(-.*)?");

    private final String templateSuffix;
    private final String reclaimPolicy;

    EnvProfile(String templateSuffix, String reclaimPolicy) {
        this.templateSuffix = templateSuffix;
        this.reclaimPolicy = reclaimPolicy;
    }

    /** The profile of the environment named {@code env}. */
    static EnvProfile of(String env) {
        if (PROD_NAMES.matcher(env).matches()) {
            return PROD;
        }
        return DEV_NAMES.matcher(env).matches() ? DEV : SHARED;
    }

    /** The template of the environment's values file, e.g. {@code values-prod.yaml.tmpl}. */
    String valuesTemplate() {
        return "values-" + templateSuffix + ".yaml.tmpl";
    }

    /** The reclaim policy the profile's values give the volumes. */
    String reclaimPolicy() {
        return reclaimPolicy;
    }
}
