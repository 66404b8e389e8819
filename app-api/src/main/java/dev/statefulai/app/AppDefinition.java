package dev.statefulai.app;

import org.cdk8s.Chart;

/**
 * One app under {@code apps/}: the only code an app module has to write besides its values record.
 * Implementations are found with {@link java.util.ServiceLoader} (a line in the module's
 * {@code META-INF/services/dev.statefulai.app.AppDefinition}), so adding an app touches only its
 * own module and the list of modules in {@code apps/pom.xml}.
 *
 * @param <V> the record the app's merged values bind into
 */
public interface AppDefinition<V> {

    /** The app's name: its folder under {@code apps/} and its file name in {@code dist/<env>/}. */
    String name();

    /** The record type of the app's values; unknown keys and wrong types are errors. */
    Class<V> valuesType();

    /** Adds the app's constructs to {@code chart}, from values already merged for {@code environment}. */
    void define(Chart chart, V values, String environment);
}
