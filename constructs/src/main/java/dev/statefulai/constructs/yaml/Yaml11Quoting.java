package dev.statefulai.constructs.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Which strings {@link ManifestYaml} quotes: those a YAML 1.1 reader would take for something other than
 * a string if they were written plain. kubectl, Helm and most GitOps engines read manifests with
 * {@code sigs.k8s.io/yaml}, which is go-yaml v2, a YAML 1.1 reader: there {@code yes}, {@code on},
 * {@code y}, {@code 010} and {@code 2001-12-14} are not strings.
 *
 * <p>Three sources, each a superset where it is unsure: Jackson's own check (the YAML 1.1 booleans and
 * nulls, {@code y} and {@code n} among them, and characters that need quotes); SnakeYAML's YAML 1.1
 * resolver (ints, floats, {@code .inf}, timestamps, sexagesimals, the merge key {@code <<}); and what
 * go-yaml v2 reads as a number or a time beyond the YAML 1.1 spec ({@code resolve} and
 * {@code parseTimestamp} in sigs.k8s.io/yaml's {@code goyaml.v2/resolve.go}): underscores dropped, then
 * Go's {@code strconv.ParseInt(s, 0, 64)} ({@code 0o17}, {@code 0X1F}, {@code 0B1}), its float pattern
 * (so {@code 09} is the float 9), and dates with one-digit month or day ({@code 2001-1-2}).
 * {@code ManifestYamlTest} reads random documents back with YAML 1.1 readers.
 */
final class Yaml11Quoting extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;

    /** SnakeYAML's YAML 1.1 implicit types; only read after construction, so shared between threads. */
    private static final Resolver YAML_11 = new Resolver();

    /** go-yaml v2's ints (Go's base prefixes) and floats ({@code yamlStyleFloat}), after dropping underscores. */
    private static final Pattern GO_YAML_NUMBER = Pattern.compile(
            "[-+]?0[bBoOxX][0-9a-fA-F]+|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");

    /** go-yaml v2's timestamps all begin with a date of four digits, then one or two for month and day. */
    private static final Pattern GO_YAML_DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?", Pattern.DOTALL);

    /** The first characters of the plain scalars SnakeYAML's resolver may take for another type. */
    private static final String MAY_RESOLVE = "yYnNtTfFoO-+0123456789.<~!&*=";

    /**
     * Whether {@code s} must be double-quoted to be read back as it is, whatever else it holds: it has a
     * line break a reader would not give back as it was in a plain, single-quoted or literal scalar (a
     * carriage return, and YAML 1.1's other breaks NEL, LS and PS, are read as a line feed or folded into
     * a space). Only double quotes keep them, as escapes.
     */
    static boolean needsEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean needToQuoteName(String name) {
        return notAPlainString(name) || nameHasQuotableChar(name) || needsEscapes(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return notAPlainString(value);
    }

    /** Whether {@code s}, written plain, would be read as something else than the string {@code s}. */
    boolean notAPlainString(String s) {
        if (isReservedKeyword(s) || valueHasQuotableChar(s)) {
            return true;
        }
        if (MAY_RESOLVE.indexOf(s.charAt(0)) < 0) {
            return false;
        }
        if (s.length() > CACHED_LENGTH) {
            return resolvesToAnotherType(s);
        }
        if (RESOLVED.size() > CACHED_STRINGS) {
            RESOLVED.clear();
        }
        return RESOLVED.computeIfAbsent(s, Yaml11Quoting::resolvesToAnotherType);
    }

    /** The resolvers' answers, by string: keys and values repeat across a fleet, and resolving runs big patterns. */
    private static final Map<String, Boolean> RESOLVED = new ConcurrentHashMap<>();
    private static final int CACHED_STRINGS = 50_000;
    private static final int CACHED_LENGTH = 100;

    private static boolean resolvesToAnotherType(String s) {
        char first = s.charAt(0);
        if (!Tag.STR.equals(YAML_11.resolve(NodeId.scalar, s, true))) {
            return true;
        }
        boolean numberLike = first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9');
        return numberLike && (GO_YAML_NUMBER.matcher(s.replace("_", "")).matches() || GO_YAML_DATE.matcher(s).matches());
    }
}
