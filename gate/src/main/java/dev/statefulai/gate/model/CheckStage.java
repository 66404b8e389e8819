package dev.statefulai.gate.model;

import java.util.List;

/** One family of rules run over one environment. */
public interface CheckStage {
    List<Finding> check(Environment env);
}
