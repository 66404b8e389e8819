package dev.statefulai.engine;

import dev.statefulai.app.AppDefinition;
import dev.statefulai.engine.output.IoErrors;
import dev.statefulai.engine.values.DidYouMean;
import dev.statefulai.engine.values.ValuesException;
import dev.statefulai.facts.EnvironmentName;
import dev.statefulai.facts.TextFile;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The apps of a repository, found rather than listed: every folder {@code apps/<name>/} with a
 * {@code values.yaml} is an app, and its compiled classes provide one {@link AppDefinition} through
 * {@link ServiceLoader}. The environments are the {@code values-<env>.yaml} files found beside them.
 */
public final class AppCatalog {
    /** Where the apps live, relative to the repository root. */
    public static final String APPS_DIR = "apps";

    private final Path root;
    private final Map<String, App> apps;

    /** One discovered app. */
    public record App(String name, Path dir, AppDefinition<?> definition) {
        /** How messages name the app's folder. */
        public String displayDir() {
            return APPS_DIR + "/" + name;
        }

        /** The repository the app is in: apps live in {@code <root>/apps/<name>}. */
        public Path repositoryRoot() {
            return dir.toAbsolutePath().normalize().getParent().getParent();
        }
    }

    private AppCatalog(Path root, Map<String, App> apps) {
        this.root = root;
        this.apps = apps;
    }

    /**
     * Finds the apps under {@code root/apps}, loading each one's classes from its
     * {@code target/classes} with {@code parent} as the parent class loader.
     */
    public static AppCatalog discover(Path root, ClassLoader parent) {
        List<Path> dirs = appDirs(root);
        List<URL> urls = new ArrayList<>();
        for (Path dir : dirs) {
            Path classes = dir.resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(APPS_DIR + "/" + dir.getFileName() + " is not compiled (no target/classes): run "
                        + "'./mvnw -q -DskipTests package' or bin/ai-storage synth, which compiles what changed");
            }
            try {
                urls.add(classes.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return fromLoader(root, dirs, new URLClassLoader(urls.toArray(URL[]::new), parent));
    }

    /** The apps whose definitions are already on {@code loader}'s class path (app-module tests). */
    public static AppCatalog fromLoader(Path root, List<Path> dirs, ClassLoader loader) {
        Map<String, AppDefinition<?>> byName = new TreeMap<>();
        for (AppDefinition<?> def : ServiceLoader.load(AppDefinition.class, loader)) {
            if (byName.put(def.name(), def) != null) {
                throw new IllegalStateException("two app definitions are named '" + def.name() + "'");
            }
        }
        Map<String, App> apps = new TreeMap<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            AppDefinition<?> def = byName.get(name);
            if (def == null) {
                throw new IllegalStateException(APPS_DIR + "/" + name + " has values.yaml but no AppDefinition named '" + name
                        + "' in META-INF/services/" + AppDefinition.class.getName() + "; definitions found: " + byName.keySet());
            }
            apps.put(name, new App(name, dir, def));
        }
        return new AppCatalog(root, apps);
    }

    /**
     * The folders under {@code root/apps} that hold a {@code values.yaml}, sorted by name.
     *
     * @throws ValuesException when a {@code values.yaml} is there but is no file (a dangling link, a
     *                         folder), or an app folder cannot be read: taking its app for gone would
     *                         remove the app's manifests
     */
    public static List<Path> appDirs(Path root) {
        Path appsDir = root.resolve(APPS_DIR);
        List<Path> dirs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> children = Files.list(appsDir)) {
            for (Path dir : children.sorted().toList()) {
                String shown = APPS_DIR + "/" + dir.getFileName();
                try {
                    if (Files.isDirectory(dir) && holdsValues(dir, shown, problems)) {
                        dirs.add(dir);
                    }
                } catch (IOException e) {
                    problems.add(shown + ": cannot be read: " + IoErrors.reason(e));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the apps: " + IoErrors.describe(e), e);
        }
        if (!problems.isEmpty()) {
            throw new ValuesException(problems);
        }
        return List.copyOf(dirs);
    }

    /**
     * Whether folder {@code dir} holds a {@code values.yaml} file; one there that is no file is added to
     * {@code problems}.
     *
     * @throws IOException when {@code dir} cannot be listed (its environments are found so) or its
     *                     {@code values.yaml} cannot be looked at: never taken for no values.yaml
     */
    private static boolean holdsValues(Path dir, String shown, List<String> problems) throws IOException {
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            // Opened only to learn that it can be.
        }
        Path values = dir.resolve("values.yaml");
        try {
            Files.readAttributes(values, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (Files.isRegularFile(values)) {
            return true;
        }
        TextFile.notAFile(values, shown + "/values.yaml").ifPresent(problems::add);
        return false;
    }

    /** The repository root. */
    public Path root() {
        return root;
    }

    /** The apps, sorted by name. */
    public List<App> apps() {
        return List.copyOf(apps.values());
    }

    /** One app by name. */
    public App app(String name) {
        App app = apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("no app named '" + name + "'"
                    + DidYouMean.suggest(name, apps.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("")
                    + "; apps: " + apps.keySet());
        }
        return app;
    }

    /** The environments: every {@code <env>} of a {@code values-<env>.yaml} of any app, sorted. */
    public List<String> environments() {
        return environmentsOf(apps.values());
    }

    /**
     * The environments of {@code apps}: every {@code <env>} of a {@code values-<env>.yaml} of any of them, sorted.
     *
     * @throws ValuesException naming every values file whose {@code <env>} is not an environment name
     */
    public static List<String> environmentsOf(java.util.Collection<App> apps) {
        return environmentsIn(apps.stream().map(App::dir).toList());
    }

    /**
     * The environments of the apps in {@code appDirs} ({@link #environmentsOf}), found without loading any app's
     * classes. An environment name follows {@link EnvironmentName}: {@code values-...yaml} would name {@code dist/..}.
     *
     * @throws ValuesException naming every values file whose {@code <env>} is not one
     */
    public static List<String> environmentsIn(List<Path> appDirs) {
        TreeSet<String> envs = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : appDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (String file : files.map(f -> f.getFileName().toString()).sorted().toList()) {
                    if (!file.startsWith("values-") || !file.endsWith(".yaml")) {
                        continue;
                    }
                    String env = file.substring("values-".length(), file.length() - ".yaml".length());
                    if (EnvironmentName.isValid(env)) {
                        envs.add(env);
                    } else {
                        problems.add(APPS_DIR + "/" + dir.getFileName() + "/" + file + ": '" + env + "' is not an environment name;"
                                + " allowed: " + EnvironmentName.RULE + " (it names the folder dist/<env> and is part of object"
                                + " names); rename the file");
                    }
                }
            } catch (IOException e) {
                problems.add(APPS_DIR + "/" + dir.getFileName() + ": cannot be listed: " + IoErrors.reason(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValuesException(problems);
        }
        return List.copyOf(envs);
    }
}
