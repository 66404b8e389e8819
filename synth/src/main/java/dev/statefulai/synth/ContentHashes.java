package dev.statefulai.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The content hashes of the files an incremental synth depends on (values files) and writes
 * (manifests, {@code outputs.json}, {@code storage.md}), without reading the files that did not change:
 * git's index trick. With each hash the last synth recorded the file's stamp (size, modification time,
 * file key); while the stamp is the same, the recorded hash stands and the file is not read.
 *
 * <p>A stamp is trusted only when its modification time is before the moment the record was saved
 * ({@code savedAt}, the state file's own modification time). A file changed in the same clock tick as it
 * was recorded keeps its stamp; such a "racily clean" file is read and hashed again, like git does.
 */
final class ContentHashes {
    /** What the last synth knew of one file. */
    record Known(String hash, long size, long modifiedNanos, String fileKey) {
        /** The hash of a file recorded by its stamp only (a file whose content no one compares). */
        static final String UNHASHED = "-";

        /** One entry of the state file: {@code <hash> <size> <modified, ns> <file key>}. */
        String format() {
            return hash + " " + size + " " + modifiedNanos + " " + fileKey;
        }

        /** The inverse of {@link #format()}; null for anything else (that file is then read again). */
        static Known parse(String s) {
            String[] parts = s.split(" ", 4);
            try {
                return parts.length == 4 ? new Known(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private final Path base;
    private final Map<String, Known> recorded;
    private final long savedAtNanos;
    private final Map<String, Known> seen = new HashMap<>();
    private java.util.function.Predicate<Path> watchedUnchanged = file -> false;

    /**
     * @param base       the folder file names are recorded relative to (the state file's folder)
     * @param recorded   relative file name to what the last synth knew of it
     * @param savedAt    when {@code recorded} was saved; null trusts no stamp
     */
    ContentHashes(Path base, Map<String, Known> recorded, FileTime savedAt) {
        this.base = base;
        this.recorded = recorded;
        this.savedAtNanos = savedAt == null ? Long.MIN_VALUE : savedAt.to(TimeUnit.NANOSECONDS);
    }

    /** The hash ({@link #of}) of {@code file}'s content; null when it does not exist or cannot be read. */
    String hash(Path file) {
        String name = name(file);
        Known now = seen.get(name);
        if (now != null) {
            return now.hash();
        }
        Known known = recorded.get(name);
        if (known != null && !known.hash().equals(Known.UNHASHED) && watchedUnchanged.test(file)) {
            seen.put(name, known);
            return known.hash();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Known before = known;
            long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            String key = String.valueOf(a.fileKey());
            String sha = before != null && trusted(before) && !before.hash().equals(Known.UNHASHED) && before.size() == a.size()
                    && before.modifiedNanos() == modified && before.fileKey().equals(key) ? before.hash() : of(Files.readAllBytes(file));
            seen.put(name, new Known(sha, a.size(), modified, key));
            return sha;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code file} is, by its stamp, exactly what the last synth recorded, without reading it. */
    boolean unchangedSinceRecorded(Path file) {
        Known before = recorded.get(name(file));
        if (before == null || !trusted(before)) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return before.size() == a.size() && before.modifiedNanos() == a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                    && before.fileKey().equals(String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records {@code file}, just written with content of hash {@code hash}, for the next synth; a null
     * hash records the stamp alone, for {@link #unchangedSinceRecorded}.
     */
    void written(Path file, String hash) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        seen.put(name(file), new Known(hash == null ? Known.UNHASHED : hash, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                String.valueOf(a.fileKey())));
    }

    /** Keeps what the last synth recorded of {@code file}, which this synth verified and left alone. */
    void kept(Path file) {
        String name = name(file);
        Known before = recorded.get(name);
        if (before != null) {
            seen.putIfAbsent(name, before);
        }
    }

    /** What to record for the next synth: every file hashed, written or kept by this one. */
    Map<String, Known> record() {
        return seen;
    }

    /**
     * Trusts the recorded hash of every file {@code unchanged} says a file watch saw no change of since
     * it was recorded, without even a stamp ({@code synth --watch}, for the values files it watches).
     */
    void trustWatched(java.util.function.Predicate<Path> unchanged) {
        watchedUnchanged = unchanged;
    }

    /** What the next synth knows, {@link #record()} saved at {@code savedAt}, without reading it back. */
    ContentHashes next(FileTime savedAt) {
        return new ContentHashes(base, new HashMap<>(seen), savedAt);
    }

    private boolean trusted(Known k) {
        return k.modifiedNanos() < savedAtNanos;
    }

    private String name(Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The hash the state records of {@code bytes}: SHA-256, its first 128 bits in hex (it tells changed
     * content from unchanged, where 128 bits are plenty, and halves the state file).
     */
    static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
