package dev.statefulai.engine.values.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A short hash of everything the schema generator reads from a values record: its components (names, types,
 * annotations) and, through them, every record and enum they use (enums by the values files' spelling); types by
 * their simple names, as the schema names them, so that the records of two apps made by new-app from one template
 * have one fingerprint. Two records with one fingerprint generate one schema, so a committed schema whose fingerprint is the record's
 * is current without generating it again: the synth reads it instead, which costs a small part of a
 * generation. Each app's tests still compare the whole file with a generation, so a change of the
 * generator itself (bump {@link #GENERATOR}) cannot hide behind an unchanged record.
 */
final class RecordFingerprint {
    /** The generator's settings, part of every fingerprint: change it with them. */
    static final String GENERATOR = "victools 4.38 draft-2020-12 plain-json jackson nullable forbid-additional enums-tostring rules-2";
    private static final String ROOT = "(root)";

    private RecordFingerprint() {
    }

    private static final java.util.Map<Class<?>, String> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The fingerprint of {@code type}, 16 hex digits. */
    static String of(Class<?> type) {
        return MADE.computeIfAbsent(type, RecordFingerprint::compute);
    }

    private static String compute(Class<?> type) {
        StringBuilder text = new StringBuilder(GENERATOR);
        Set<Class<?>> seen = new LinkedHashSet<>();
        describe(type, text, seen, true);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void describe(Type type, StringBuilder text, Set<Class<?>> seen, boolean root) {
        if (type instanceof ParameterizedType p) {
            describe(p.getRawType(), text, seen, false);
            Arrays.stream(p.getActualTypeArguments()).forEach(t -> describe(t, text, seen, false));
            return;
        }
        if (!(type instanceof Class<?> c) || !seen.add(c)) {
            return;
        }
        // The root's name is in the schema's marker, not in the schema: it is left out here.
        text.append('\n').append(root ? ROOT : c.getSimpleName()).append(annotations(c.getAnnotations()));
        if (c.isEnum()) {
            Arrays.stream(c.getEnumConstants()).forEach(e -> text.append(' ').append(e));
        } else if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                text.append(' ').append(component.getName()).append(':').append(simpleName(component.getGenericType()))
                        .append(annotations(component.getAnnotations()));
                describe(component.getGenericType(), text, seen, false);
            }
        }
    }

    private static String simpleName(Type type) {
        if (type instanceof ParameterizedType p) {
            return simpleName(p.getRawType()) + Arrays.stream(p.getActualTypeArguments()).map(RecordFingerprint::simpleName).toList();
        }
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }

    private static String annotations(Annotation[] annotations) {
        return Arrays.stream(annotations).map(Annotation::toString).sorted().toList().toString();
    }
}
