package dev.statefulai.facts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The components of a record class, read once per class: {@code Class.getRecordComponents()} parses the class file's
 * attribute and makes new objects on every call, and {@code Method.invoke} makes a class per accessor once it is
 * called often enough. A synth reads the components of every values record of every app; a handle per accessor,
 * typed {@code (Object)Object}, shares one invoker among them all.
 */
public final class RecordComponents {
    private static final MethodType READER = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                components.add(new Component(c.getName(), handle(c.getAccessor())));
            }
            return List.copyOf(components);
        }
    };

    /** One component: its name, and its value in a record, read through its accessor. */
    public record Component(String name, MethodHandle accessor) {
        /**
         * This component of {@code record}.
         *
         * @throws IllegalStateException when the accessor cannot be reached (a record of a class this code may not
         *                               read) or throws
         */
        public Object read(Record record) {
            if (accessor == null) {
                throw new IllegalStateException("the record " + record.getClass().getName() + " hides its component " + name);
            }
            try {
                return (Object) accessor.invokeExact((Object) record);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("reading " + name + " of the record " + record.getClass().getName() + ": " + e, e);
            }
        }
    }

    private RecordComponents() {
    }

    /** The components of {@code type} in declaration order; none for a class that is not a record. */
    public static List<Component> of(Class<?> type) {
        return type.isRecord() ? COMPONENTS.get(type) : List.of();
    }

    private static MethodHandle handle(Method accessor) {
        try {
            accessor.setAccessible(true); // a record nested privately in an app's class
        } catch (RuntimeException e) {
            // unreflect then decides
        }
        try {
            return MethodHandles.lookup().unreflect(accessor).asType(READER);
        } catch (IllegalAccessException e) {
            return null; // read() says so when asked
        }
    }
}
