package dev.statefulai.engine.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The content hashes of the files an incremental synth depends on (values files) and writes
 * (manifests, {@code outputs.json}, {@code storage.md}), without reading the files that did not change:
 * git's index trick. With each hash the last synth recorded the file's stamp (size, modification time,
 * file key); while the stamp is the same, the recorded hash stands and the file is not read.
 *
 * <p>A stamp is trusted only when its modification time is before the moment the record was saved
 * ({@code savedAt}, the state file's own modification time): a file written in the clock tick the state
 * was saved in ("racily clean", as git says) is read and hashed again. Like git's, the rule does not see
 * a same-size rewrite in the very tick a file was read, when the state is saved a tick later; a watch
 * ({@link #watching}) reports such a change, and a reported file is always read.
 */
public final class ContentHashes {
    /** What the last synth knew of one file. */
    record Known(String hash, long size, long modifiedNanos, String fileKey) {
        /** The hash of a file recorded by its stamp only (a file whose content no one compares). */
        static final String UNHASHED = "-";
        /** The start of a symbolic link's file key (the stamp is its target's). */
        static final String LINK = "link:";

        boolean isLink() {
            return fileKey.startsWith(LINK);
        }

        Known withHash(String h) {
            return new Known(h, size, modifiedNanos, fileKey);
        }

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

    /** What a file watch says of a file since the last synth. */
    public enum Watched {
        /** Not watched (or nothing is known): its stamp tells. */
        NOT_WATCHED,
        /** Watched, and no change seen: its recorded hash stands, without a stat. */
        UNCHANGED,
        /** Watched, and changed: read, whatever its stamp says. */
        CHANGED
    }

    private final Path base;
    private final Map<String, Known> recorded;
    private final long savedAtNanos;
    private final Map<String, Known> seen = new HashMap<>();
    private Function<Path, Watched> watch = file -> Watched.NOT_WATCHED;

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

    /** The hash ({@link #of}) of {@code file}'s content, of any size; see {@link #hash(Path, long)}. */
    String hash(Path file) {
        return hash(file, Long.MAX_VALUE);
    }

    /**
     * The hash ({@link #of}) of {@code file}'s content; null when it does not exist, cannot be read, is no
     * regular file or holds more than {@code maxBytes}. Such a file is not read (a pipe would block the
     * synth, a device or a file of gigabytes would exhaust memory): whoever reads it says why it cannot.
     */
    String hash(Path file, long maxBytes) {
        String name = name(file);
        Known now = seen.get(name);
        if (now != null) {
            return now.hash();
        }
        Known before = recorded.get(name);
        Watched watched = watch.apply(file);
        // A symbolic link's target can change without an event in the watched folder: stamped, not trusted.
        if (before != null && watched == Watched.UNCHANGED && !before.hash().equals(Known.UNHASHED) && !before.isLink()) {
            seen.put(name, before);
            return before.hash();
        }
        try {
            Known stamp = stamp(file, null);
            boolean asRecorded = watched != Watched.CHANGED && sameStamp(before, stamp) && !before.hash().equals(Known.UNHASHED);
            if (!asRecorded && (stamp.size() > maxBytes || !Files.isRegularFile(file))) {
                return null;
            }
            String hash = asRecorded ? before.hash() : ofContent(file);
            seen.put(name, stamp.withHash(hash));
            return hash;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code file} is, by its stamp, exactly what the last synth recorded, without reading it. */
    boolean unchangedSinceRecorded(Path file) {
        try {
            return sameStamp(recorded.get(name(file)), stamp(file, null));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records {@code file}, just written with content of hash {@code hash}, for the next synth; a null
     * hash records the stamp alone, for {@link #unchangedSinceRecorded}.
     */
    void written(Path file, String hash) throws IOException {
        seen.put(name(file), stamp(file, hash == null ? Known.UNHASHED : hash));
    }

    /** Whether a recorded stamp can be trusted and is {@code now}'s. */
    private boolean sameStamp(Known before, Known now) {
        return before != null && before.modifiedNanos() < savedAtNanos && before.size() == now.size()
                && before.modifiedNanos() == now.modifiedNanos() && before.fileKey().equals(now.fileKey());
    }

    /** {@code file}'s stamp (of its target, for a link, whose file key then says so), with {@code hash}. */
    private static Known stamp(Path file, String hash) throws IOException {
        BasicFileAttributes own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes a = own.isSymbolicLink() ? Files.readAttributes(file, BasicFileAttributes.class) : own;
        return new Known(hash, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                (own.isSymbolicLink() ? Known.LINK : "") + a.fileKey());
    }

    /** What to record for the next synth: every file this one hashed (or took as recorded) or wrote. */
    Map<String, Known> record() {
        return seen;
    }

    /** What a file watch saw since the last synth ({@code synth --watch}, for the values files it watches). */
    void watching(Function<Path, Watched> watch) {
        this.watch = watch;
    }

    /** What the next synth knows, {@link #record()} saved at {@code savedAt}, without reading it back. */
    ContentHashes next(FileTime savedAt) {
        return new ContentHashes(base, new HashMap<>(seen), savedAt);
    }

    private String name(Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The hash the state records of {@code bytes}: SHA-256, its first 128 bits in hex (it tells changed
     * content from unchanged, where 128 bits are plenty, and halves the state file).
     */
    static String of(byte[] bytes) {
        return formatted(sha256().digest(bytes));
    }

    /** {@link #of} the content of {@code file}, read a buffer at a time: a large file costs no more memory than a small one. */
    private static String ofContent(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return formatted(digest.digest());
    }

    private static String formatted(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** Adds {@code key} and {@code value} to {@code d}, each ended by a zero byte, so that no two pairs run together. */
    static void update(MessageDigest d, String key, String value) {
        d.update(key.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(value.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
