package dev.statefulai.constructs;

import java.util.function.BiFunction;
import org.cdk8s.Chart;

/**
 * How a test makes the construct it tests from a props builder: {@link #synth} builds it into a fresh chart
 * and synthesizes the chart, {@link #build} only builds it (to read its getters or see it refused).
 *
 * @param make builds one construct from the props into a chart
 * @param <B> the props builder
 * @param <C> the construct
 */
public record ConstructUnderTest<B, C>(BiFunction<Chart, B, C> make) {

    /** The manifests of the construct in a chart without a namespace. */
    public Manifests synth(B props) {
        return synth(null, props);
    }

    /** The manifests of the construct in a chart of {@code chartNamespace} (null for none). */
    public Manifests synth(String chartNamespace, B props) {
        return Manifests.synth(chartNamespace, chart -> make.apply(chart, props));
    }

    /** The construct, built without synthesizing, in a chart without a namespace. */
    public C build(B props) {
        return build(null, props);
    }

    /** The construct, built without synthesizing, in a chart of {@code chartNamespace} (null for none). */
    public C build(String chartNamespace, B props) {
        return make.apply(Manifests.chart(chartNamespace), props);
    }
}
