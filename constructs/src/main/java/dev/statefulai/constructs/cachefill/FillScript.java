package dev.statefulai.constructs.cachefill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The shell script a fill container runs ({@code sh -c}), put together from the resources beside this
 * class: {@code check.sh} (stop when the marker holds the source's id), {@code lock.sh} on a shared claim,
 * the source's download, and {@code mark.sh} (write the marker last). The resources are plain POSIX
 * shell that tests run under {@code sh}; their lines starting with {@code #} document them and are left
 * out, so a comment never changes a manifest.
 */
final class FillScript {
    private static final Map<String, String> PARTS = new ConcurrentHashMap<>();

    private FillScript() {
    }

    /** The script that fills from {@code source}; {@code shared} when every replica mounts the target. */
    static String of(FillSource source, boolean shared) {
        return part("check.sh") + (shared ? part("lock.sh") : "") + part(source.downloadScript()) + part("mark.sh");
    }

    private static String part(String name) {
        return PARTS.computeIfAbsent(name, FillScript::load);
    }

    private static String load(String name) {
        try (InputStream in = FillScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + FillScript.class.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.startsWith("#")).map(line -> line + "\n").collect(Collectors.joining());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
