package dev.statefulai.constructs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * How the props classes' builders are generated: a props class is abstract, one accessor a prop (Javadoc with
 * {@code @default} there, {@link Value.Default} for a default, {@link Nullable} for a prop that may be left out), with
 * a nested {@code Builder} that extends the generated one, so callers write {@code XProps.builder().a(..).build()} and
 * never see the generated class. Refusals go in a {@link Value.Check} method, which {@code build()} runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = false),
        jdkOnly = true)
public @interface PropsStyle {
}
