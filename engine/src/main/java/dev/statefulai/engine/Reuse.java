package dev.statefulai.engine;

import dev.statefulai.engine.output.UnitOutput;
import java.util.Optional;

/**
 * What an earlier synth into the same output folder lets this one keep: a unit whose inputs are as they
 * were, and whose files are as written, is taken from the folder instead of synthesized again. The
 * incremental state of the output folder implements it; a synth without one synthesizes everything.
 */
public interface Reuse {

    /** The hash of everything unit {@code u}'s manifests are made from. */
    String inputsHash(ParallelSynth.Unit u);

    /** Unit {@code u} as the output folder holds it, when its inputs hash is {@code inputs} as recorded; else empty. */
    Optional<UnitOutput> reuse(ParallelSynth.Unit u, String inputs);

    /** The key of unit {@code u} in the inputs-by-key map a run returns. */
    static String keyOf(ParallelSynth.Unit u) {
        return keyOf(u.app().name(), u.environment());
    }

    /** The key of app {@code app} in {@code environment}: {@code <environment>/<app>}. */
    static String keyOf(String app, String environment) {
        return environment + "/" + app;
    }
}
