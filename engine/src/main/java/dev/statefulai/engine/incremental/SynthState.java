package dev.statefulai.engine.incremental;

import dev.statefulai.engine.output.UnitOutput;
import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.ParallelSynth;
import dev.statefulai.engine.Reuse;
import dev.statefulai.engine.output.DistTree;
import dev.statefulai.engine.topology.StorageTopology;
import dev.statefulai.engine.files.TempFiles;
import dev.statefulai.engine.values.ValuesFile;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Incremental synth: {@code .<dist>.synth-state.json} beside the output folder (for {@code dist/}:
 * {@code .dist.synth-state.json} at the repository root, so that {@code dist/} holds only what the
 * synth renders) records, per app and environment, a hash of
 * everything its manifests are made from (the code on the class path, the app's values files, the
 * {@code --set} overrides) and hashes of what was written. A unit whose inputs hash is unchanged and
 * whose files in {@code dist/} are still exactly what was written is kept in {@code dist/} as it is
 * instead of being synthesized again. Anything else (no state, other code, a file edited by hand or
 * removed, {@code cdk8s synth} having emptied {@code dist/}) means a full synth of that unit.
 *
 * <p>Files whose stamp did not change since the last synth are not read at all ({@link ContentHashes}):
 * a re-synth after one app's values changed reads that app's values, the environment's
 * {@code outputs.json} and {@code storage.md}, and writes the few files that change.
 */
public final class SynthState implements Reuse {
    /** The suffix of the state file's name: {@code .<output folder name>.synth-state.json}. */
    public static final String FILE = ".synth-state.json";
    private static final int VERSION = 4;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** The recorded hashes of one unit: its inputs, its manifest file, its entry in outputs.json and its picture. */
    public record Entry(String inputs, String manifest, String outputs, String topology) {
    }

    /** The state file: per unit its hashes, per file read or written its stamp and content hash. */
    private record Stored(int version, Map<String, Entry> units, Map<String, String> files) {
    }

    private final Path distDir;
    private final String codeVersion;
    private final Map<String, Entry> previous;
    private final ContentHashes hashes;
    private final Map<String, Map<String, Object>> outputsByEnv = new HashMap<>();
    private final Map<String, Map<String, String>> picturesByEnv = new HashMap<>();
    private final Map<String, Boolean> envFilesUnchanged = new HashMap<>();

    private SynthState(Path distDir, String codeVersion, Map<String, Entry> previous, ContentHashes hashes) {
        this.distDir = distDir.toAbsolutePath().normalize();
        this.codeVersion = codeVersion;
        this.previous = previous;
        this.hashes = hashes;
    }

    /** Loads the state of {@code distDir}; none (everything is synthesized) when absent or unreadable. */
    public static SynthState load(Path distDir, List<AppCatalog.App> apps) {
        Map<String, Entry> previous = new HashMap<>();
        Map<String, ContentHashes.Known> files = new HashMap<>();
        FileTime savedAt = null;
        Path file = stateFile(distDir);
        if (Files.isRegularFile(file)) {
            try {
                savedAt = Files.getLastModifiedTime(file);
                Stored s = JSON.readValue(file.toFile(), Stored.class);
                if (s.version() == VERSION && s.units() != null && s.files() != null) {
                    // An entry this code would not have written (edited by hand, another version) is dropped:
                    // its unit is synthesized again.
                    s.units().forEach((key, entry) -> {
                        if (key.indexOf('/') > 0 && entry != null && entry.inputs() != null && entry.manifest() != null
                                && entry.outputs() != null && entry.topology() != null) {
                            previous.put(key, entry);
                        }
                    });
                    s.files().forEach((name, known) -> {
                        ContentHashes.Known k = ContentHashes.Known.parse(known);
                        if (k != null) {
                            files.put(name, k);
                        }
                    });
                }
            } catch (IOException | RuntimeException e) {
                previous.clear();
                files.clear();
            }
        }
        return new SynthState(distDir, CodeFingerprint.codeVersion(apps), previous, new ContentHashes(file.getParent(), files, savedAt));
    }


    /** This state without what the last synth recorded: everything is read, synthesized and recorded anew. */
    public SynthState withoutPrevious() {
        return new SynthState(distDir, codeVersion, new HashMap<>(), new ContentHashes(stateFile(distDir).getParent(), Map.of(), null));
    }

    @Override
    public String inputsHash(ParallelSynth.Unit u) {
        MessageDigest d = ContentHashes.sha256();
        ContentHashes.update(d, "code", codeVersion);
        ContentHashes.update(d, "app", u.app().name());
        ContentHashes.update(d, "environment", u.environment());
        ContentHashes.update(d, "target", u.target().describe());
        for (String f : List.of("values.yaml", "values-" + u.environment() + ".yaml")) {
            Path file = u.app().dir().resolve(f);
            // Not read when it cannot be a values file (a pipe, a device, too large): the values reader says why.
            String sha = hashes.hash(file, ValuesFile.MAX_BYTES);
            // A file there that cannot be read (a dangling link, a folder) is an error to report, not a missing layer.
            ContentHashes.update(d, f, sha != null ? sha : Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "unreadable" : "-");
        }
        new TreeMap<>(u.overrides()).forEach((k, v) -> ContentHashes.update(d, "--set " + k, v));
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /**
     * Unit {@code u} as {@code dist/} holds it ({@link UnitOutput#keptInDist()}: its manifest is
     * not read), when its inputs hash is {@code inputs} as recorded and its files are as written;
     * otherwise empty.
     */
    @Override
    public Optional<UnitOutput> reuse(ParallelSynth.Unit u, String inputs) {
        Entry e = previous.get(Reuse.keyOf(u.app().name(), u.environment()));
        if (e == null || !e.inputs().equals(inputs)) {
            return Optional.empty();
        }
        Path manifest = distDir.resolve(u.environment()).resolve(u.app().name() + ".yaml");
        try {
            if (!e.manifest().equals(hashes.hash(manifest))) {
                return Optional.empty();
            }
            // The picture is a function of the manifests: taken as written, not drawn again from them.
            Object outputs = envOutputs(u.environment()).get(u.app().name());
            String topology = envPictures(u.environment()).get(u.app().name());
            if (!(outputs instanceof Map<?, ?> map) || topology == null) {
                return Optional.empty();
            }
            // outputs.json or storage.md touched since (a checkout, an edit): this unit's parts of them are checked.
            if (!envFilesUnchanged(u.environment())
                    && (!hash(outputsJson(map)).equals(e.outputs()) || !hash(topology).equals(e.topology()))) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return Optional.of(UnitOutput.inDist(u.app().name(), u.environment(), typed, topology));
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    private boolean envFilesUnchanged(String environment) {
        return envFilesUnchanged.computeIfAbsent(environment, env ->
                hashes.unchangedSinceRecorded(distDir.resolve(env).resolve("outputs.json"))
                        && hashes.unchangedSinceRecorded(distDir.resolve(env).resolve(StorageTopology.FILE)));
    }

    private Map<String, String> envPictures(String environment) {
        return picturesByEnv.computeIfAbsent(environment, env -> {
            try {
                return StorageTopology.sections(Files.readString(distDir.resolve(env).resolve(StorageTopology.FILE)));
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
        });
    }

    private Map<String, Object> envOutputs(String environment) {
        return outputsByEnv.computeIfAbsent(environment, env -> {
            Path f = distDir.resolve(env).resolve("outputs.json");
            try {
                Map<String, Object> doc = JSON.readValue(f.toFile(), new TypeReference<>() { });
                @SuppressWarnings("unchecked")
                Map<String, Object> apps = doc.get("apps") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                return apps;
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
        });
    }

    /**
     * What a unit leaves in the state: the hash of its manifest as written ({@code path} in the tree), and its entry, or
     * that its entry is kept ({@code kept}), or neither (a unit whose inputs or picture are not known is not recorded).
     */
    private record Hashed(String key, String path, String manifest, boolean kept, Entry entry) {
        static Hashed of(UnitOutput r, DistTree tree, Map<String, String> inputsByKey) {
            String key = Reuse.keyOf(r.app(), r.environment());
            String inputs = inputsByKey.get(key);
            String path = r.environment() + "/" + r.app() + ".yaml";
            String text = tree.files().get(path);
            String manifest = text != null ? hash(text) : null;
            if (inputs == null || r.topology() == null) {
                return new Hashed(key, path, manifest, false, null);
            }
            if (r.keptInDist()) {
                return new Hashed(key, path, manifest, true, null);
            }
            Entry entry = manifest == null ? null : new Entry(inputs, manifest, hash(outputsJson(r.outputs())), hash(r.topology()));
            return new Hashed(key, path, manifest, false, entry);
        }
    }

    /**
     * Records the units of {@code tree} (just written to {@code distDir}) with their inputs hashes, and
     * the stamps of the files read and written; units of environments not written keep their entries.
     * Written atomically; a failure to write it only costs the next run a full synth.
     *
     * @return the state as the next synth into {@code distDir} would load it (for {@code synth --watch},
     *         which so skips reading it back)
     */
    public SynthState save(DistTree tree, List<UnitOutput> results, Map<String, String> inputsByKey) {
        Map<String, Entry> units = new TreeMap<>(previous);
        List<String> written = tree.environments();
        units.keySet().removeIf(k -> written.contains(k.substring(0, k.indexOf('/'))));
        Path tmp = null;
        try {
            // Manifests are hashed (a kept unit's is compared next time); outputs.json, storage.md and
            // Kustomization are recorded by their stamp alone (the next synth only asks if they changed).
            // (A kept unit's manifest was hashed, or its recorded hash taken, when reuse checked it.)
            // Hashing is most of the work here (SHA-256 of every manifest, outputs entry and picture), each unit's on its
            // own: spread over the cores.
            List<Hashed> hashed = results.parallelStream().map(r -> Hashed.of(r, tree, inputsByKey)).toList();
            Map<String, String> shaByFile = new HashMap<>();
            for (Hashed h : hashed) {
                if (h.manifest() != null) {
                    shaByFile.put(h.path(), h.manifest());
                }
                if (h.kept()) {
                    units.put(h.key(), previous.get(h.key()));
                } else if (h.entry() != null) {
                    units.put(h.key(), h.entry());
                }
            }
            for (String f : tree.files().keySet()) {
                hashes.written(distDir.resolve(f), shaByFile.get(f));
            }
            Path file = stateFile(distDir);
            tmp = TempFiles.file(file.getParent(), file.getFileName() + ".", ".tmp");
            Map<String, String> files = new TreeMap<>();
            hashes.record().forEach((name, known) -> files.put(name, known.format()));
            Files.writeString(tmp, JSON.writeValueAsString(new Stored(VERSION, units, files)) + "\n");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SynthState next = new SynthState(distDir, codeVersion, new HashMap<>(units), hashes.next(Files.getLastModifiedTime(file)));
            // The next synth in this process takes outputs and pictures as they were just written, not parsed back.
            for (UnitOutput r : results) {
                next.outputsByEnv.computeIfAbsent(r.environment(), env -> new HashMap<>()).put(r.app(), r.outputs());
                next.picturesByEnv.computeIfAbsent(r.environment(), env -> new HashMap<>()).put(r.app(), r.topology());
            }
            return next;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: cannot write " + stateFile(distDir) + " (" + e.getMessage() + "); the next synth is a full one");
            return withoutPrevious();
        } finally {
            if (tmp != null) {
                try {
                    TempFiles.done(tmp);
                } catch (IOException e) {
                    // Left beside dist/: the next synth removes it (TempFiles.sweep).
                }
            }
        }
    }

    /**
     * This state for the next synth while watching: of {@code apps}, whose code may have changed since
     * (app classes are loaded afresh), and with what the watch saw since the last synth ({@code null}:
     * unknown). A file the watch vouches for as unchanged is taken as recorded, not even stat'ed (but a
     * symbolic link, whose target may change unseen); a file it reports is read. Other files
     * ({@code dist/}) are checked by their stamps as always.
     */
    public SynthState whileWatching(List<AppCatalog.App> apps, SynthWatcher.Changes changes) {
        if (changes != null) {
            hashes.watching(changes::of);
        }
        SynthState next = new SynthState(distDir, CodeFingerprint.codeVersion(apps), previous, hashes);
        next.outputsByEnv.putAll(outputsByEnv);
        next.picturesByEnv.putAll(picturesByEnv);
        return next;
    }

    /** The state file of output folder {@code distDir}: {@code .<name>.synth-state.json} beside it. */
    public static Path stateFile(Path distDir) {
        Path abs = distDir.toAbsolutePath().normalize();
        return abs.getParent().resolve("." + abs.getFileName() + FILE);
    }

    /** Removes the state: the next run synthesizes everything. */
    public static void forget(Path distDir) {
        try {
            Files.deleteIfExists(stateFile(distDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** A unit's outputs as hashed: their JSON. */
    private static String outputsJson(Object outputs) {
        try {
            return JSON.writeValueAsString(outputs);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String s) {
        return ContentHashes.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
