package dev.statefulai.cli.newapp;

import dev.statefulai.engine.output.IoErrors;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code new-app}: scaffolds an app module under {@code apps/} and registers it in {@code apps/pom.xml}. */
@Command(name = "new-app", mixinStandardHelpOptions = true,
        description = {"Create the module apps/<NAME>/: pom.xml, a values record, an AppDefinition, values.yaml and "
                + "values-<env>.yaml for every environment of the repository, and a snapshot test; register it in apps/pom.xml.",
                "Writes nothing when the name or kind is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "2:refused (bad or taken name, unknown kind) or the files could not be written; nothing is left written"})
public final class NewAppCommand implements Callable<Integer> {
    /** A refusal or an I/O error, as every command exits on a user's mistake or an I/O error. */
    static final int REFUSED = 2;

    @Parameters(index = "0", paramLabel = "NAME", description = "The app's name, a DNS-1123 label starting with a letter, e.g. my-store.")
    String name;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "stateful-ai (a StatefulSet with a volume per replica) or data-pipeline (existing EBS volumes, one claim each).")
    String kind;

    @Option(names = "--root", description = "Repository root (default: the current folder).", defaultValue = ".")
    Path root;

    @Override
    public Integer call() {
        NewAppPlan plan;
        try {
            plan = NewAppPlan.of(root.toAbsolutePath().normalize(), name, kind);
            plan.write();
        } catch (Refusal r) {
            System.err.println("error: " + r.getMessage());
            return REFUSED;
        } catch (UncheckedIOException e) {
            System.err.println("error: " + IoErrors.describe(e));
            return REFUSED;
        }
        report(plan, System.out);
        return 0;
    }

    private static void report(NewAppPlan plan, PrintStream out) {
        String dir = plan.moduleDir();
        out.printf("created %s, a %s app for the environments %s:%n", dir, plan.kind(), String.join(", ", plan.environments()));
        plan.files().forEach(f -> out.println("  " + f.path()));
        out.printf("registered <module>%s</module> in %s%n", plan.name(), NewAppPlan.APPS_POM);
        if (plan.distTestsPom() != null) {
            out.printf("added app-%s to %s (built before the tests that synthesize every app)%n", plan.name(), DistTestsPom.FILE);
        }
        out.println();
        out.println("next steps:");
        out.printf("  1. in %s/values*.yaml, %s%n", dir, plan.kind().firstEdit());
        out.println("  2. bin/ai-storage synth");
        out.printf("       compiles the new module and writes dist/<env>/%s.yaml for every environment%n", plan.name());
        out.printf("  3. ./mvnw -q test -pl %s%n", dir);
        out.println("       runs its tests, which hold it to those files in dist/ (review them: they are its golden files)");
        out.printf("  4. git add %s%s %s dist && git commit%n", NewAppPlan.APPS_POM,
                plan.distTestsPom() != null ? " " + DistTestsPom.FILE : "", dir);
    }
}
