package dev.statefulai.constructs.render;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.jsii.JsiiSerializable;

/**
 * The fields of a jsii struct (an L1 props object and what it holds) read on the Java side, by their
 * Kubernetes names: a getter's name without {@code get}, decapitalized, unless the build's table of
 * cdk8s-plus-28 says otherwise ({@link Cdk8sPlusTable}: {@code getClusterIp} is {@code clusterIP}).
 */
final class StructFields {
    /** A struct's fields: Kubernetes name and getter, per struct class. */
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private record Field(String name, MethodHandle getter) {
    }

    /**
     * A getter's handle, typed {@code (Object)Object}: every getter then shares one invoker, where {@code Method.invoke}
     * made a class per getter once called often enough (a cold synth paid for the generation and its compilation).
     */
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private StructFields() {
    }

    /** {@code getFooBar} is {@code fooBar}. */
    static String decapitalizedProperty(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    /** The struct's fields that are set, each converted by {@code value}, which drops it by returning null. */
    static Map<String, Object> of(Object struct, UnaryOperator<Object> value) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : fields(struct.getClass())) {
            Object v;
            try {
                v = value.apply((Object) field.getter().invokeExact(struct));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("reading " + field.name() + " of " + struct.getClass().getName(), e);
            }
            if (v != null) {
                out.put(field.name(), v);
            }
        }
        return out;
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> struct : t.getInterfaces()) {
                if (!JsiiSerializable.class.isAssignableFrom(struct)) {
                    continue;
                }
                for (Method m : struct.getMethods()) {
                    if (m.getParameterCount() == 0 && m.getName().startsWith("get") && !Modifier.isStatic(m.getModifiers())
                            && m.getDeclaringClass() != Object.class) {
                        String renamed = Cdk8sPlusTable.fieldName(m.getDeclaringClass(), m.getName());
                        fields.add(new Field(renamed != null ? renamed : decapitalizedProperty(m.getName()), handle(m)));
                    }
                }
            }
            return List.copyOf(fields);
        });
    }

    private static MethodHandle handle(Method getter) {
        try {
            return MethodHandles.publicLookup().unreflect(getter).asType(GETTER);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the getter " + getter + " of a jsii struct is not public", e);
        }
    }
}
