package dev.statefulai.facts.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * SnakeYAML Engine's errors in a file the user wrote (values, environment and policy files) as one line at the file and
 * line: its messages span several lines and point with a caret.
 */
public final class YamlSyntax {
    private YamlSyntax() {
    }

    /** {@code <shown>[:<line>]: not valid YAML: <what>}, for an error in {@code text}, the content of the file {@code shown}. */
    public static String problem(YamlEngineException e, String shown, String text) {
        if (e instanceof ReaderException r) {
            return shown + ":" + lineAt(text, r.getPosition()) + ": not valid YAML: the character "
                    + String.format("U+%04X", r.getCodePoint()) + " is not allowed (a control character); remove it";
        }
        int line = 0;
        if (e instanceof MarkedYamlEngineException m) {
            line = m.getProblemMark().or(m::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
        }
        return shown + (line > 0 ? ":" + line : "") + ": not valid YAML: " + message(e);
    }

    /** What is wrong, without where: the context and the problem of a marked error, else the message's first line. */
    public static String message(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException m) {
            List<String> parts = new ArrayList<>();
            if (m.getContext() != null) {
                parts.add(m.getContext());
            }
            if (m.getProblem() != null) {
                parts.add(m.getProblem());
            }
            return String.join("; ", parts).replaceAll("\\s+", " ").trim();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }

    /** The line (from 1) of the code point at {@code position} of {@code text}. */
    private static int lineAt(String text, int position) {
        int end = text.offsetByCodePoints(0, Math.min(Math.max(position, 0), text.codePointCount(0, text.length())));
        return 1 + (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
    }
}
