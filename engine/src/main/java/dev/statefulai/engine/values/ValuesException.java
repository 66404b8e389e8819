package dev.statefulai.engine.values;

import java.util.List;

/** Bad values: every problem found in one run, each naming the file, line, key, value and what is allowed. */
public final class ValuesException extends RuntimeException {
    private final List<String> problems;

    public ValuesException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in values:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one line each. */
    public List<String> problems() {
        return problems;
    }
}
