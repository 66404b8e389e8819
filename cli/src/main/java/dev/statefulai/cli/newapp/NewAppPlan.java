package dev.statefulai.cli.newapp;

import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.output.IoErrors;
import dev.statefulai.engine.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A checked {@code new-app} request and everything it will write, worked out before anything is
 * written: a refused request leaves the repository as it was.
 */
record NewAppPlan(Path root, AppName name, AppKind kind, List<String> environments, List<Scaffold.File> files, String appsPom,
                  String distTestsPom) {
    static final String APPS_POM = AppCatalog.APPS_DIR + "/pom.xml";
    /** Folders of the apps project that are not apps. */
    private static final List<String> RESERVED = List.of("src", "target");

    /** The plan for {@code name} of {@code kind} in the repository at {@code root}; throws {@link Refusal}. */
    static NewAppPlan of(Path root, String name, String kind) {
        Path pomFile = root.resolve(APPS_POM);
        if (!Files.isRegularFile(pomFile)) {
            throw new Refusal("no " + APPS_POM + " under " + root + "; allowed: --root naming the repository root, the folder with "
                    + APPS_POM);
        }
        AppKind appKind = AppKind.parse(kind);
        List<String> environments = RepoEnvironments.of(root);
        AppName appName = AppName.parse(name, appKind, environments);
        AppsPom pom = new AppsPom(read(pomFile));
        refuseTaken(root, appName, pom);
        List<Scaffold.File> files = Scaffold.files(appName, appKind, environments, pom.version());
        Path distTests = root.resolve(DistTestsPom.FILE);
        String distTestsPom = Files.isRegularFile(distTests) ? DistTestsPom.withApp(read(distTests), appName.value()) : null;
        return new NewAppPlan(root, appName, appKind, environments, files, pom.withModule(appName.value()), distTestsPom);
    }

    private static void refuseTaken(Path root, AppName name, AppsPom pom) {
        String why = whyTaken(root, name, pom);
        if (why != null) {
            TreeSet<String> taken = new TreeSet<>(pom.modules());
            taken.addAll(appFolders(root));
            throw new Refusal("app name '" + name + "' is taken: " + why + "; allowed: a name no app uses yet (taken: "
                    + String.join(", ", taken) + ")");
        }
    }

    /** Why {@code name} cannot be a new app; {@code null} when it can. */
    private static String whyTaken(Path root, AppName name, AppsPom pom) {
        Path appsDir = root.resolve(AppCatalog.APPS_DIR);
        if (RESERVED.contains(name.value())) {
            return AppCatalog.APPS_DIR + "/" + name + " belongs to the apps project itself";
        }
        if (Files.exists(appsDir.resolve(name.value()), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return AppCatalog.APPS_DIR + "/" + name + " already exists";
        }
        if (pom.modules().contains(name.value())) {
            return APPS_POM + " already lists the module " + name;
        }
        return appFolders(root).stream()
                .filter(app -> Files.isDirectory(appsDir.resolve(app).resolve("src/main/java").resolve(name.packagePath())))
                .map(app -> AppCatalog.APPS_DIR + "/" + app + " already uses the Java package " + name.packageName())
                .findFirst().orElse(null);
    }

    private static List<String> appFolders(Path root) {
        try (Stream<Path> children = Files.list(root.resolve(AppCatalog.APPS_DIR))) {
            return children.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(d -> !RESERVED.contains(d)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's folder, relative to the root, e.g. {@code apps/my-store}. */
    String moduleDir() {
        return AppCatalog.APPS_DIR + "/" + name;
    }

    /**
     * Writes the module, then registers it (in dist-tests too, when that pom has its marker); a failed write
     * removes what it created.
     */
    void write() {
        Path moduleDir = root.resolve(moduleDir());
        String appsPomBefore = read(root.resolve(APPS_POM));
        String distTestsPomBefore = distTestsPom == null ? null : read(root.resolve(DistTestsPom.FILE));
        try {
            for (Scaffold.File file : files) {
                Path path = root.resolve(file.path());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.content(), StandardOpenOption.CREATE_NEW);
            }
            Files.writeString(root.resolve(APPS_POM), appsPom);
            if (distTestsPom != null) {
                Files.writeString(root.resolve(DistTestsPom.FILE), distTestsPom);
            }
        } catch (IOException e) {
            deleteTree(moduleDir);
            // Neither pom may name a module that is not there: each goes back to what it was (best effort).
            restore(APPS_POM, appsPomBefore);
            if (distTestsPomBefore != null) {
                restore(DistTestsPom.FILE, distTestsPomBefore);
            }
            throw new UncheckedIOException("cannot write " + moduleDir + ": " + IoErrors.describe(e), e);
        }
    }

    private void restore(String file, String text) {
        try {
            Files.writeString(root.resolve(file), text);
        } catch (IOException ignored) {
            // best effort: the error that made us restore is the one to report
        }
    }

    private static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException ignored) {
            // best effort: the error that made us clean up is the one to report
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
