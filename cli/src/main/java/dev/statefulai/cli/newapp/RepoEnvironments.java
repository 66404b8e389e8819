package dev.statefulai.cli.newapp;

import dev.statefulai.engine.AppCatalog;
import dev.statefulai.engine.values.ValuesException;
import java.nio.file.Path;
import java.util.List;

/** The environments of a repository, found as {@link AppCatalog#environmentsIn} finds them, without loading any app's classes. */
final class RepoEnvironments {
    /** The environments of a repository without any app yet. */
    static final List<String> DEFAULTS = List.of("dev", "prod", "staging");

    private RepoEnvironments() {
    }

    /**
     * The environments under {@code root}, sorted; {@link #DEFAULTS} when no app has any.
     *
     * @throws Refusal when a values file's name gives no environment name
     */
    static List<String> of(Path root) {
        List<String> envs;
        try {
            envs = AppCatalog.environmentsIn(AppCatalog.appDirs(root));
        } catch (ValuesException e) {
            throw new Refusal(String.join("; ", e.problems()));
        }
        return envs.isEmpty() ? DEFAULTS : envs;
    }
}
