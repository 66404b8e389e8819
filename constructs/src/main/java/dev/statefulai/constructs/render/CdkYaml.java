package dev.statefulai.constructs.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders JSON-like Java trees as YAML, byte for byte as cdk8s 2.70.47's {@code Yaml.stringify(...docs)}
 * does, without a round trip to the jsii kernel. cdk8s calls the npm {@code yaml} package 2.8.2 with
 * {@code {keepUndefined: true, lineWidth: 0, version: '1.1'}}: block style, two-space indent, sequences
 * indented under their key, no line folding, YAML 1.1 scalar resolution (so {@code "yes"}, {@code "on"},
 * {@code "012"}, {@code "1:20"} or {@code "2001-12-14"} are quoted), literal block scalars for multi-line
 * strings.
 *
 * <p>A document is a tree of:
 * <ul>
 *   <li>{@link Map} - entries are written in the map's own iteration order; keys are written as
 *       strings ({@code toString()}), as JavaScript object keys are strings;</li>
 *   <li>{@link List};</li>
 *   <li>{@link String}, {@link Boolean}, {@code null} (written {@code null});</li>
 *   <li>{@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link BigInteger}, {@link Double},
 *       {@link Float} - written as JavaScript writes the number (cdk8s only ever sees a JavaScript
 *       number): integers beyond 2^53 lose precision as they would on the way to JavaScript
 *       ({@code 9007199254740993} becomes {@code 9007199254740992}), {@code 100.0} is {@code 100},
 *       {@code 1e21} is {@code 1e+21}; NaN and infinities are {@code .nan}, {@code .inf},
 *       {@code -.inf}.</li>
 * </ul>
 *
 * <p><b>Key order is the caller's job.</b> A JavaScript object lists integer-like keys ({@code "0"},
 * {@code "10"}, but not {@code "007"} or {@code "-1"}) first, in ascending numeric order, whatever order
 * they were added in; so when a Java map goes through jsii, cdk8s sees such keys first. This class does
 * not reorder: it writes exactly the order it is given, which is what cdk8s does for the order its
 * JavaScript object has.
 *
 * <p>Where passing the same tree through jsii to cdk8s would give a different text, this class follows
 * the YAML library, i.e. what cdk8s writes for the JavaScript value:
 * <ul>
 *   <li>map entries whose value is {@code null} are written ({@code key: null}); jsii drops them;</li>
 *   <li>NaN and infinities are written as numbers; jsii turns them into the strings {@code NaN} and
 *       {@code Infinity};</li>
 *   <li>strings with unpaired surrogates are written double-quoted with those characters escaped;
 *       jsii replaces them by {@code ?}.</li>
 * </ul>
 * A tree that appears twice in a document is written twice (the YAML library would write an anchor and an
 * alias for one JavaScript object seen twice, but jsii passes each occurrence as a copy).
 */
public final class CdkYaml {
    /** Indent step of the YAML library. */
    private static final String STEP = "  ";
    /** Longest implicit key YAML allows; longer keys get the explicit {@code ? key} form. */
    private static final int MAX_IMPLICIT_KEY = 1024;
    /** JSON length from which a long double-quoted string may spread over lines at its line breaks. */
    private static final int MIN_MULTILINE_QUOTED = 40;

    /**
     * Plain scalars the YAML 1.1 schema would read as something other than a string (null, bool, int,
     * float, sexagesimal, timestamp), so they have to be quoted. Matched against the whole string.
     * The merge key {@code <<} is not among them: the library hands "<<" to the merge tag, which writes it
     * bare, as a key or a value.
     */
    private static final List<Pattern> NOT_A_STRING = List.of(
            Pattern.compile("~|[Nn]ull|NULL|"),
            Pattern.compile("Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON"),
            Pattern.compile("N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF"),
            Pattern.compile("[-+]?0b[01_]+"),
            Pattern.compile("[-+]?0[0-7_]+"),
            Pattern.compile("[-+]?[0-9][0-9_]*"),
            Pattern.compile("[-+]?0x[0-9a-fA-F_]+"),
            Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN"),
            Pattern.compile("[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+"),
            Pattern.compile("[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*"),
            Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+"),
            Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"),
            Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                    + "(?:(?:t|T|[ \\t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]+)?"
                    + "(?:[ \\t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?"));

    /**
     * Text a plain scalar cannot hold: a leading indicator character, a lone or leading "- " / "? ",
     * ": " (a key), " #" (a comment), whitespace around a line break, or a trailing space or colon.
     * ({@code \z}: Java's {@code $} would also match before a final line break.)
     */
    private static final Pattern PLAIN_CLASH = Pattern.compile(
            "^[\\n\\t ,\\[\\]{}#&*!|>'\"%@`]|^[?-]\\z|^[?-][ \\t]|[\\n:][ \\t]|[ \\t]\\n|[\\n\\t ]#|[\\n\\t :]\\z");

    /** Whitespace next to a line break, which single quotes would lose. */
    private static final Pattern BLANK_AT_LINE_BREAK = Pattern.compile("[ \\t]\\n|\\n[ \\t]");

    private CdkYaml() {
    }

    /** Renders documents exactly as cdk8s's Yaml.stringify(...docs) does. */
    public static String stringify(List<?> docs) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object doc : docs) {
            if (!first) {
                out.append("---\n");
            }
            first = false;
            write(out, doc);
        }
        return out.toString();
    }

    /**
     * Appends one document, ending with a line break. A {@code null} document is an empty line: a Java
     * {@code null} reaches cdk8s as {@code undefined}, which it writes as {@code "\n"}.
     */
    public static void write(StringBuilder out, Object doc) {
        if (doc != null) {
            node(out, doc, "");
        }
        out.append('\n');
    }

    /**
     * Appends a node whose first line continues the current line; {@code indent} is the indent of the
     * node's own lines after the first.
     */
    private static void node(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            mapping(out, map, indent);
        } else if (value instanceof List<?> list) {
            sequence(out, list, indent);
        } else {
            out.append(scalar(value, indent));
        }
    }

    private static void mapping(StringBuilder out, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}"); // an empty block mapping cannot be written; the library falls back to flow
            return;
        }
        String inner = indent + STEP;
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append('\n').append(indent);
            }
            first = false;
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("CdkYaml: null map key");
            }
            String key = string(entry.getKey().toString(), inner, true);
            Object value = entry.getValue();
            if (key.length() > MAX_IMPLICIT_KEY) {
                // too long for "key: value"; the value follows ": " on the next line, even a collection
                out.append("? ").append(key).append('\n').append(indent).append(": ");
            } else {
                out.append(key).append(':');
                // a non-empty collection starts on its own line; scalars, {} and [] follow the colon
                out.append(isNonEmptyCollection(value) ? "\n" + inner : " ");
            }
            node(out, value, inner);
        }
    }

    private static void sequence(StringBuilder out, List<?> list, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + STEP;
        for (Iterator<?> it = list.iterator(); it.hasNext();) {
            out.append("- ");
            node(out, it.next(), inner);
            if (it.hasNext()) {
                out.append('\n').append(indent);
            }
        }
    }

    private static boolean isNonEmptyCollection(Object value) {
        return value instanceof Map<?, ?> map && !map.isEmpty()
                || value instanceof List<?> list && !list.isEmpty();
    }

    private static String scalar(Object value, String indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return string(s, indent, false);
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Long l) {
            return integer(BigInteger.valueOf(l));
        }
        if (value instanceof BigInteger b) {
            return integer(b);
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Float f) {
            // jsii sends a float as its shortest decimal (0.1f as 0.1), not as the double it widens to
            return number(Double.parseDouble(f.toString()));
        }
        throw new IllegalArgumentException("CdkYaml: unsupported value type " + value.getClass().getName());
    }

    /** Integers beyond 2^53 are rounded to the nearest double, as JavaScript reads them. */
    private static String integer(BigInteger value) {
        return value.bitLength() <= 53 ? value.toString() : number(value.doubleValue());
    }

    /** JavaScript's Number.prototype.toString (what JSON.stringify writes), with YAML's NaN and infinities. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortestDecimal(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exponent = n - 1;
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code value}, the closest one
     * to it if there are two (JavaScript's choice). Java 17's Double.toString is not always the shortest.
     */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; ; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowFits = Double.parseDouble(below.toString()) == value;
            boolean aboveFits = Double.parseDouble(above.toString()) == value;
            if (belowFits && aboveFits) {
                int closer = exact.subtract(below).compareTo(above.subtract(exact));
                if (closer != 0) {
                    return closer < 0 ? below : above;
                }
                return below.unscaledValue().testBit(0) ? above : below; // a tie goes to the even digit
            }
            if (belowFits) {
                return below;
            }
            if (aboveFits) {
                return above;
            }
        }
    }

    /**
     * Writes a string as a key ({@code key}: single line, before ": ") or as a value whose later lines are
     * indented by {@code indent} (empty only for a document that is a bare scalar).
     */
    private static String string(String s, String indent, boolean key) {
        if (isNameLike(s)) {
            // Most strings of a manifest: no character that any rule below looks at.
            return mayReadAsOtherType(s) && readsAsOtherType(s) ? quoted(s, indent, key) : s;
        }
        if (hasUnprintable(s)) {
            return doubleQuoted(s, indent, key);
        }
        boolean multiline = s.indexOf('\n') >= 0;
        if (key && multiline) {
            return quoted(s, indent, true);
        }
        if (PLAIN_CLASH.matcher(s).find()) {
            return key || !multiline ? quoted(s, indent, key) : literal(s, indent, false);
        }
        if (multiline) {
            return literal(s, indent, false);
        }
        if (hasDocumentMarker(s)) {
            // at column 0 a line starting with ---, ... or % would end the document
            if (indent.isEmpty()) {
                return literal(s, indent, true);
            }
            if (key && indent.equals(STEP)) {
                return quoted(s, indent, true);
            }
        }
        return mayReadAsOtherType(s) && readsAsOtherType(s) ? quoted(s, indent, key) : s;
    }

    /** Whether a YAML 1.1 reader would take plain {@code s} for a null, boolean, number or timestamp. */
    private static boolean readsAsOtherType(String s) {
        for (Pattern other : NOT_A_STRING) {
            if (other.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Letters, digits and {@code . _ / -} only, not a lone "-" and not starting with a document
     * marker: nothing the quoting rules other than the type patterns look at.
     */
    private static boolean isNameLike(String s) {
        int n = s.length();
        if (n == 0 || s.equals("-") || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '/' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s} can match one of {@link #NOT_A_STRING} at all, from its first character: most
     * strings of a manifest cannot, and this spares them the regular expressions.
     */
    private static boolean mayReadAsOtherType(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        return c == '~' || c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' || c == 'e' || c == 'E'
                || s.length() <= 5 && "nNyYoOtTfF".indexOf(c) >= 0;
    }

    /** C0/C1 control characters other than tab and line feed, DEL, and unpaired surrogates. */
    private static boolean hasUnprintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x08 || c >= 0x0b && c <= 0x1f || c >= 0x7f && c <= 0x9f || isLoneSurrogate(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /**
     * Whether a line starts with {@code ---}, {@code ...} or {@code %} (lines as JavaScript's multiline
     * regex sees them: broken at \n, \r, U+2028 and U+2029).
     */
    private static boolean hasDocumentMarker(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || isJsLineBreak(s.charAt(i - 1))) {
                if (s.startsWith("%", i) || s.startsWith("---", i) || s.startsWith("...", i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isJsLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** Indent for continuation lines; a bare document scalar indents them if a line could read as a marker. */
    private static String continuationIndent(String s, String indent) {
        return indent.isEmpty() && hasDocumentMarker(s) ? STEP : indent;
    }

    /** Single quotes when the string has double quotes but no single ones; double quotes otherwise. */
    private static String quoted(String s, String indent, boolean key) {
        boolean hasDouble = s.indexOf('"') >= 0;
        boolean hasSingle = s.indexOf('\'') >= 0;
        return hasDouble && !hasSingle ? singleQuoted(s, indent, key) : doubleQuoted(s, indent, key);
    }

    private static String singleQuoted(String s, String indent, boolean key) {
        if (key && s.indexOf('\n') >= 0 || BLANK_AT_LINE_BREAK.matcher(s).find()) {
            return doubleQuoted(s, indent, key);
        }
        String lineIndent = continuationIndent(s, indent);
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                out.append("''");
            } else {
                out.append(c);
                // a single line break inside quotes reads as a space: each run of breaks gets one more
                if (c == '\n' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                    out.append('\n').append(lineIndent);
                }
            }
        }
        return out.append('\'').toString();
    }

    /**
     * JSON-style escapes turned into YAML ones ({@code \0 \a \v \e \xNN}); a value (not a key) whose JSON
     * form is at least 40 long shows its inner line breaks as real line breaks.
     */
    private static String doubleQuoted(String s, String indent, boolean key) {
        int jsonLength = 2;
        for (int i = 0; i < s.length(); i++) {
            jsonLength += jsonEscapeLength(s, i);
        }
        boolean breakLines = !key && jsonLength >= MIN_MULTILINE_QUOTED;
        String lineIndent = continuationIndent(s, indent);
        int last = s.length() - 1;
        StringBuilder out = new StringBuilder(jsonLength + 8).append('"');
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (c == '\n' && breakLines && i < last) {
                // an empty line reads as one line break inside double quotes, so a run of n breaks is
                // written as n + 1; a final break stays escaped, as a trailing empty line would be lost
                out.append("\n\n");
                while (i + 1 < last && s.charAt(i + 1) == '\n') {
                    out.append('\n');
                    i++;
                }
                out.append(lineIndent);
                if (i + 1 <= last && s.charAt(i + 1) == ' ') {
                    out.append('\\'); // a leading space of a continuation line would be dropped
                }
                continue;
            }
            if (c == ' ' && i < last && s.charAt(i + 1) == '\n') {
                out.append("\\ "); // a space before a line break would be dropped
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x00 -> out.append("\\0");
                case 0x07 -> out.append("\\a");
                case 0x0b -> out.append("\\v");
                case 0x1b -> out.append("\\e");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c); // DEL, C1 controls, U+2028/U+2029 are left as they are
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Length of the character at {@code i} in JSON.stringify's output. */
    private static int jsonEscapeLength(String s, int i) {
        char c = s.charAt(i);
        return switch (c) {
            case '"', '\\', '\b', '\f', '\n', '\r', '\t' -> 2;
            default -> c < 0x20 || isLoneSurrogate(s, i) ? 6 : 1;
        };
    }

    /**
     * A literal block scalar ({@code |}) with a chomping indicator from the trailing line breaks
     * ({@code -} none, none for exactly one, {@code +} more) and an indentation indicator when the text
     * starts with a space. {@code forceIndent}: a bare document scalar indents its lines.
     */
    private static String literal(String s, String indent, boolean forceIndent) {
        if (endsWithBlankLine(s)) {
            return quoted(s, indent, false); // a block scalar cannot end in a whitespace-only line
        }
        String ind = !indent.isEmpty() ? indent : forceIndent || hasDocumentMarker(s) ? STEP : "";
        int bodyEnd = s.length();
        while (bodyEnd > 0 && isBlank(s.charAt(bodyEnd - 1))) {
            bodyEnd--;
        }
        String body = s.substring(0, bodyEnd);
        String tail = s.substring(bodyEnd);
        int tailBreak = tail.indexOf('\n');
        String chomp;
        if (tailBreak < 0) {
            chomp = "-";
        } else if (body.isEmpty() || tailBreak != tail.length() - 1) {
            chomp = "+";
        } else {
            chomp = "";
        }
        if (tail.endsWith("\n")) {
            tail = tail.substring(0, tail.length() - 1); // the scalar's own final line break
        }
        // leading spaces and empty lines: up to the last line break, they go before the first indent
        int leadEnd = 0;
        int lastLeadBreak = -1;
        boolean startsWithSpace = false;
        while (leadEnd < body.length() && (body.charAt(leadEnd) == ' ' || body.charAt(leadEnd) == '\n')) {
            if (body.charAt(leadEnd) == ' ') {
                startsWithSpace = true;
            } else {
                lastLeadBreak = leadEnd;
            }
            leadEnd++;
        }
        String lead = body.substring(0, lastLeadBreak + 1);
        String rest = body.substring(lastLeadBreak + 1);
        // a first line starting with a space needs the indent given explicitly (root counts as -1)
        String header = (startsWithSpace ? ind.isEmpty() ? "1" : "2" : "") + chomp;
        return "|" + header + "\n" + ind + indentAfterBreaks(lead, ind, true) + indentAfterBreaks(rest, ind, true)
                + indentAfterBreaks(tail, ind, false);
    }

    /** Ends with a line break followed by spaces or tabs only. */
    private static boolean endsWithBlankLine(String s) {
        int i = s.length();
        while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return i < s.length() && i > 0 && s.charAt(i - 1) == '\n';
    }

    private static boolean isBlank(char c) {
        return c == '\n' || c == '\t' || c == ' ';
    }

    /**
     * Adds {@code indent} after every run of line breaks (empty lines stay empty), or, with
     * {@code atEnd} false, only after runs followed by more text.
     */
    private static String indentAfterBreaks(String text, String indent, boolean atEnd) {
        if (indent.isEmpty() || text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '\n') {
                boolean runEnds = i + 1 == text.length() || text.charAt(i + 1) != '\n';
                if (runEnds && (atEnd || i + 1 < text.length())) {
                    out.append(indent);
                }
            }
        }
        return out.toString();
    }
}
