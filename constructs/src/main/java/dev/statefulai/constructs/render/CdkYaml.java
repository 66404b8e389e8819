package dev.statefulai.constructs.render;

import java.util.List;

/** TEMPORARY stub: cdk8s's own Yaml.stringify through jsii, until the Java writer lands. */
public final class CdkYaml {
    private CdkYaml() {
    }

    public static String stringify(List<?> docs) {
        return org.cdk8s.Yaml.stringify(docs.toArray());
    }
}
