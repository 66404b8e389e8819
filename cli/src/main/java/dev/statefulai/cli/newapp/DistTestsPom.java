package dev.statefulai.cli.newapp;

/**
 * {@code dist-tests/pom.xml}, which depends on every app module (pom, provided: build order only) because its
 * tests synthesize every app from its classes, and a parallel build orders modules by their dependencies
 * alone. new-app adds the new app's line above the marker, as text, so the rest of the file stays as it is.
 */
final class DistTestsPom {
    static final String FILE = "dist-tests/pom.xml";
    static final String MARKER = "<!-- new-app adds each app's line above this one -->";

    private DistTestsPom() {
    }

    /** {@code text} with the build-order dependency on {@code app-<name>}; {@code null} when it has no marker. */
    static String withApp(String text, String name) {
        int marker = text.indexOf(MARKER);
        if (marker < 0) {
            return null;
        }
        int lineStart = text.lastIndexOf('\n', marker - 1) + 1;
        String indent = text.substring(lineStart, marker);
        return text.substring(0, lineStart) + indent + dependency(name) + "\n" + text.substring(lineStart);
    }

    /** The one-line dependency on an app module that orders the build. */
    static String dependency(String name) {
        return "<dependency><groupId>dev.statefulai</groupId><artifactId>app-" + name
                + "</artifactId><version>${project.version}</version><type>pom</type><scope>provided</scope></dependency>";
    }
}
