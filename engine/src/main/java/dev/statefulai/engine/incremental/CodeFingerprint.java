package dev.statefulai.engine.incremental;

import dev.statefulai.engine.AppCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The code a synth ran, as the incremental state records it: a unit synthesized by other code is synthesized again. */
public final class CodeFingerprint {
    private CodeFingerprint() {
    }

    /**
     * A fingerprint of the code: every class-path entry and every app's compiled classes, by path,
     * size and modification time (a rebuild that changes nothing costs one full synth, never a stale one).
     * The class-path part is the code this JVM loaded, taken once ({@link #classPathChanged}); app
     * classes are loaded afresh for each synth, and fingerprinted each time.
     */
    static String codeVersion(List<AppCatalog.App> apps) {
        MessageDigest d = ContentHashes.sha256();
        ContentHashes.update(d, "class path", ClassPathCode.AT_START);
        List<Path> roots = new ArrayList<>();
        for (AppCatalog.App app : apps) {
            Path classes = app.dir().resolve("target/classes");
            if (Files.isDirectory(classes)) {
                roots.add(classes);
            }
        }
        ContentHashes.update(d, "apps", fingerprint(roots));
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * Whether the jars and folders on the class path changed since this JVM took their fingerprint (a
     * rebuild while {@code synth --watch} runs): the classes it loaded are no longer what the code is.
     */
    public static boolean classPathChanged() {
        return !ClassPathCode.AT_START.equals(ClassPathCode.now());
    }

    /** The class path's fingerprint, taken when first needed (the JVM has loaded from it since start). */
    private static final class ClassPathCode {
        static final String AT_START = now();

        static String now() {
            return System.getProperty("java.version") + "/" + ofClassPath(System.getProperty("java.class.path"));
        }
    }

    /** The fingerprint of the code on class path {@code classPath}. */
    static String ofClassPath(String classPath) {
        List<Path> roots = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                roots.add(Path.of(entry));
            }
        }
        return fingerprint(roots);
    }

    /** Every file under {@code roots} (folders walked, jars as they are) by path, size and modification time. */
    private static String fingerprint(List<Path> roots) {
        MessageDigest d = ContentHashes.sha256();
        for (Path root : roots) {
            ContentHashes.update(d, "entry", root.toAbsolutePath().toString());
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(f -> stamp(d, f));
                } catch (IOException e) {
                    ContentHashes.update(d, "unreadable", root.toString());
                }
            } else {
                stamp(d, root);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void stamp(MessageDigest d, Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            ContentHashes.update(d, f.toString(), a.size() + "@" + a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            ContentHashes.update(d, f.toString(), "missing");
        }
    }
}
