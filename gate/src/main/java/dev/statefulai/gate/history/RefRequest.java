package dev.statefulai.gate.history;

import java.util.Map;

/** What the immutable-change guard compares dist/ with: nothing, a git ref the user named, or what a pipeline needs. */
public sealed interface RefRequest {

    /** No comparison (check --ref ''). */
    record None() implements RefRequest {
    }

    /** A ref given with --ref: it must name a commit. */
    record Named(String ref) implements RefRequest {
    }

    /**
     * No --ref: on a branch its merge base with the default branch, on the default branch the parent
     * commit (see {@link RefResolver}).
     *
     * @param environment the process environment: CI variables tell a pull request's target branch
     */
    record PipelineDefault(Map<String, String> environment) implements RefRequest {
        public PipelineDefault {
            environment = Map.copyOf(environment);
        }
    }
}
