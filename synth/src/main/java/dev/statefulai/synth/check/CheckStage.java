package dev.statefulai.synth.check;

import java.util.List;

/** One family of rules run over one environment. */
interface CheckStage {
    List<Finding> check(Environment env);
}
