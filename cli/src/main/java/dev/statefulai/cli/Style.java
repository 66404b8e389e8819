package dev.statefulai.cli;

import dev.statefulai.gate.ReportFormat;
import picocli.CommandLine.Help.Ansi;

/** Colors for the command line, on a terminal only: picocli's AUTO mode prints plain text elsewhere. */
public final class Style {
    /** The gate's text report, its finding lines colored like the rest of the command line's output. */
    static final ReportFormat.Marks REPORT_MARKS = new ReportFormat.Marks() {
        @Override
        public String error(String line) {
            return Style.error(line);
        }

        @Override
        public String warning(String line) {
            return Style.warning(line);
        }
    };

    private Style() {
    }

    /** Red: errors, removed objects, rejected changes. */
    public static String error(String text) {
        return paint("red", text);
    }

    /** Yellow: warnings, changed objects. */
    public static String warning(String text) {
        return paint("yellow", text);
    }

    /** Green: success, added objects. */
    public static String ok(String text) {
        return paint("green", text);
    }

    /**
     * {@code text} with its control characters shown escaped, as a Java string literal writes them (a newline as
     * backslash-n, a NUL as backslash-u0000): a problem quotes what the user wrote, and a newline in it must not split
     * the line, nor a NUL or an escape sequence reach the terminal.
     */
    public static String oneLine(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String paint(String style, String text) {
        return Ansi.AUTO.string("@|" + style + " " + text.replace("|@", "| @") + "|@");
    }
}
