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

    private static String paint(String style, String text) {
        return Ansi.AUTO.string("@|" + style + " " + text.replace("|@", "| @") + "|@");
    }
}
