package dev.statefulai.facts.yaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * How deep lists and mappings may nest in a YAML file the user wrote (values, environment and policy files). SnakeYAML Engine composes a document by recursion and
 * has no limit of its own (3.2), and the trees are walked by recursion after it: a few kilobytes of
 * {@code [[[[...} would overflow the stack. Real values nest a handful of levels.
 */
public final class NestingLimit {
    /** The deepest a list or mapping may be; the document's own mapping is level 1. */
    public static final int MAX_DEPTH = 100;

    /** Thrown while composing, at the first list or mapping nested deeper than {@link #MAX_DEPTH}. */
    public static final class Exceeded extends RuntimeException {
        private final int line;

        Exceeded(int line) {
            super(null, null, false, false);
            this.line = line;
        }

        /** The line (from 1) of the list or mapping that is too deep. */
        public int line() {
            return line;
        }
    }

    private NestingLimit() {
    }

    /** The problem, after the file and line: nested too deep ({@code throughAliases}: once aliases are expanded). */
    public static String problem(boolean throughAliases) {
        return "nested deeper than " + MAX_DEPTH + " levels of lists and mappings" + (throughAliases ? " once aliases are expanded" : "")
                + "; allowed: at most " + MAX_DEPTH;
    }

    /**
     * The documents of {@code text}, as {@code new Compose(settings)} composes them, but refused with {@link Exceeded}
     * when nested deeper than {@link #MAX_DEPTH}: the parser's events are counted before the composer recurses into them.
     */
    public static Composer composer(LoadSettings settings, String text) {
        return new Composer(settings, new DepthCounting(new ParserImpl(settings, new StreamReader(settings, text))));
    }

    private static final class DepthCounting implements Parser {
        private final Parser parser;
        private int depth;

        DepthCounting(Parser parser) {
            this.parser = parser;
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new Exceeded(event.getStartMark().map(m -> m.getLine() + 1).orElse(0));
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
            return event;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }
    }
}
