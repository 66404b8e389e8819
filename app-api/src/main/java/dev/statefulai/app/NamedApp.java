package dev.statefulai.app;

import dev.statefulai.constructs.InvalidPropsException;
import java.util.List;

/**
 * An {@link AppDefinition} whose name and values type are fixed when it is made, so that an app writes only
 * {@link #define}. A subclass keeps a public no-argument constructor for {@link java.util.ServiceLoader}.
 *
 * @param <V> the record the app's merged values bind into
 */
public abstract class NamedApp<V> implements AppDefinition<V> {
    private final String name;
    private final Class<V> valuesType;

    protected NamedApp(String name, Class<V> valuesType) {
        this.name = name;
        this.valuesType = valuesType;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<V> valuesType() {
        return valuesType;
    }

    /** The entries of a values list the app needs one or more of; none is refused at {@code key}, naming what is {@code allowed}. */
    protected final <T> List<T> oneOrMore(List<T> entries, String key, String allowed) {
        if (entries == null || entries.isEmpty()) {
            throw new InvalidPropsException(name, key, null, allowed);
        }
        return entries;
    }
}
