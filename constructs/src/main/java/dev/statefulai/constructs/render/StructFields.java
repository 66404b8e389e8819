package dev.statefulai.constructs.render;

import java.lang.reflect.InvocationTargetException;
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

    private record Field(String name, Method getter) {
    }

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
                v = value.apply(field.getter().invoke(struct));
            } catch (IllegalAccessException | InvocationTargetException e) {
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
                        fields.add(new Field(renamed != null ? renamed : decapitalizedProperty(m.getName()), m));
                    }
                }
            }
            return List.copyOf(fields);
        });
    }
}
