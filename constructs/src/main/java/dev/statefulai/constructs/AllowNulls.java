package dev.statefulai.constructs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A map or list prop whose entries may be null, so that the construct refuses such an entry with its own message (a
 * values file's {@code key:} with nothing after it) instead of the generated builder failing on it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AllowNulls {
}
