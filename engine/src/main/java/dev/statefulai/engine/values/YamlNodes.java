package dev.statefulai.engine.values;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Values that YAML readers disagree on or that are likely slips, kept in the tree as what they are so
 * that the checker, which knows the type each key needs, can say what is allowed.
 */
public final class YamlNodes {
    private YamlNodes() {
    }

    /**
     * A plain scalar that YAML 1.1 and YAML 1.2 read as different numbers, or one as a number and the other
     * as a string: {@code 010} (8 or 10), {@code 0x10}, {@code 0o10}, {@code 0b10}, {@code 1_000}, {@code 1:30}.
     * It is the text as written, which is what a string key gets.
     */
    public static final class AmbiguousNumber extends TextNode {
        public AmbiguousNumber(String text) {
            super(text);
        }
    }

    /** A key written with nothing after it ({@code replicas:}): null to YAML, most often a value forgotten. */
    public static final class NoValue extends NullNode {
        public static final NoValue INSTANCE = new NoValue();

        private NoValue() {
        }
    }
}
