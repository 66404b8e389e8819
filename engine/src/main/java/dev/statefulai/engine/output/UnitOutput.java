package dev.statefulai.engine.output;

import java.util.Map;

/**
 * The manifests of one app in one environment, and the names its constructs made; {@code topology}
 * is the storage picture ({@link StorageTopology}) when it was drawn from the rendered objects
 * (Java-side rendering), else null and drawn from {@code yaml} when needed. {@code yaml} is null for a
 * unit an incremental synth kept: its manifest is in {@code dist/} exactly as the last synth wrote it,
 * and is not read again. {@code constructPaths} names the construct behind each object ({@link ConstructMetadata}),
 * when the synth was asked to record them.
 */
public record UnitOutput(String app, String environment, String yaml, Map<String, Object> outputs, String topology,
                         Map<String, String> constructPaths) {
    /** A unit without construct paths. */
    public UnitOutput(String app, String environment, String yaml, Map<String, Object> outputs, String topology) {
        this(app, environment, yaml, outputs, topology, Map.of());
    }

    /** This unit with {@code paths} as its construct paths. */
    public UnitOutput withConstructPaths(Map<String, String> paths) {
        return new UnitOutput(app, environment, yaml, outputs, topology, paths);
    }

    /** A unit kept in {@code dist/} as it is: its names and picture, not its manifest. */
    public static UnitOutput inDist(String app, String environment, Map<String, Object> outputs, String topology) {
        return new UnitOutput(app, environment, null, outputs, topology);
    }

    /** Whether this unit's manifest is the one in {@code dist/}, left as it is. */
    public boolean keptInDist() {
        return yaml == null;
    }
}
