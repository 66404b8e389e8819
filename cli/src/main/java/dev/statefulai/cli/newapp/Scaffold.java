package dev.statefulai.cli.newapp;

import dev.statefulai.app.AppDefinition;
import dev.statefulai.app.values.StorageClassValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of a new app module, rendered from the kind's templates; nothing is written here. */
final class Scaffold {
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)\\.(\\w+);");

    /** One file to create, relative to the repository root. */
    record File(String path, String content) {
    }

    private Scaffold() {
    }

    /** Every file of the module {@code apps/<name>/}, values files for each of {@code environments}. */
    static List<File> files(AppName name, AppKind kind, List<String> environments, String version) {
        String testEnv = testEnvironment(environments);
        Map<String, String> vars = new HashMap<>(Map.of(
                "name", name.value(),
                "package", name.packageName(),
                "Prefix", name.classPrefix(),
                "version", version,
                "testEnv", testEnv,
                "TestEnv", AppName.pascalCase(testEnv),
                "testReclaimPolicy", EnvProfile.of(testEnv).reclaimPolicy(),
                // The storage a new app starts on, named as values files and manifests name it (the driver catalog's).
                "backend", StorageClassValues.Backend.EBS.toString(),
                "csiDriver", StorageClassValues.Backend.EBS.driver().csiDriver()));
        String module = "apps/" + name + "/";
        String main = module + "src/main/java/" + name.packagePath() + "/" + name.classPrefix();
        String test = module + "src/test/java/" + name.packagePath() + "/" + name.classPrefix();
        String kindDir = kind.templateDir() + "/";
        List<File> files = new ArrayList<>();
        files.add(new File(module + "pom.xml", Template.render("common/pom.xml.tmpl", vars)));
        files.add(new File(module + "values.yaml", Template.render(kindDir + "values.yaml.tmpl", vars)));
        for (int i = 0; i < environments.size(); i++) {
            String env = environments.get(i);
            Map<String, String> envVars = new HashMap<>(vars);
            envVars.put("env", env);
            // Distinct, obviously fake, well-formed EBS ids: the app synthesizes, and nobody mistakes them for real volumes.
            envVars.put("volumeId", String.format("vol-%017x", i + 1));
            files.add(new File(module + "values-" + env + ".yaml", Template.render(kindDir + EnvProfile.of(env).valuesTemplate(), envVars)));
        }
        // What bin/ai-storage synth generates from the Values record below, so that editors check the values at once.
        files.add(new File(module + "values.schema.json", Template.render(kindDir + "values.schema.json.tmpl", vars)));
        files.add(new File(main + "App.java", Template.render(kindDir + "App.java.tmpl", vars)));
        files.add(new File(main + "Values.java", Template.render(kindDir + "Values.java.tmpl", vars)));
        files.add(new File(module + "src/main/resources/META-INF/services/" + AppDefinition.class.getName(),
                Template.render("common/AppDefinition.services.tmpl", vars)));
        files.add(new File(test + "AppTest.java", Template.render(kindDir + "AppTest.java.tmpl", vars)));
        refuseClashingClassNames(name, files);
        return files;
    }

    /** The environment the generated behaviour test synthesizes: the first production one, else the first kept one. */
    static String testEnvironment(List<String> environments) {
        for (EnvProfile profile : List.of(EnvProfile.PROD, EnvProfile.SHARED)) {
            for (String env : environments) {
                if (EnvProfile.of(env) == profile) {
                    return env;
                }
            }
        }
        return environments.get(0);
    }

    /** A generated class named like a class the generated code imports would not compile. */
    private static void refuseClashingClassNames(AppName name, List<File> files) {
        String prefix = name.classPrefix();
        List<String> generated = List.of(prefix + "App", prefix + "Values", prefix + "AppTest");
        for (File file : files) {
            Matcher m = IMPORT.matcher(file.path().endsWith(".java") ? file.content() : "");
            while (m.find()) {
                if (generated.contains(m.group(2))) {
                    throw new Refusal("app name '" + name + "' is not allowed: it gives the class " + m.group(2) + ", which clashes with "
                            + m.group(1) + "." + m.group(2) + " that the app's code uses; allowed: a name whose classes "
                            + String.join(", ", generated) + " are named like no imported class");
                }
            }
        }
    }
}
