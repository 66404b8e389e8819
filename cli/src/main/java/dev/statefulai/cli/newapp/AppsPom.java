package dev.statefulai.cli.newapp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <modules>} list of {@code apps/pom.xml}, edited as text so that the rest of the file,
 * its comments and its indentation stay as they are.
 */
final class AppsPom {
    private static final Pattern MODULES = Pattern.compile("<modules>(.*?)</modules>", Pattern.DOTALL);
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<]*?)\\s*</module>");
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("<version>\\s*([^<]+?)\\s*</version>");

    private final String text;
    private final Matcher modulesBlock;

    AppsPom(String text) {
        this.text = text;
        this.modulesBlock = MODULES.matcher(text);
        if (!modulesBlock.find()) {
            throw new Refusal("apps/pom.xml has no <modules> list to register the app in; allowed: an apps/pom.xml with "
                    + "<modules>...</modules>");
        }
    }

    /** The modules listed, in file order. */
    List<String> modules() {
        List<String> names = new ArrayList<>();
        Matcher m = MODULE.matcher(modulesBlock.group(1));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The version of the apps project, which new app modules name in their {@code <parent>}: its own, else its parent's. */
    String version() {
        String head = text.substring(0, modulesBlock.start());
        Matcher parent = PARENT.matcher(head);
        String parentBlock = parent.find() ? parent.group() : "";
        for (String part : List.of(head.replace(parentBlock, ""), parentBlock)) {
            Matcher v = VERSION.matcher(part);
            if (v.find()) {
                return v.group(1);
            }
        }
        throw new Refusal("apps/pom.xml names no version before <modules>; allowed: an apps/pom.xml with a <version> or a <parent> with one");
    }

    /** The file with {@code <module>name</module>} before the first module that sorts after it. */
    String withModule(String name) {
        String block = modulesBlock.group(1);
        int blockStart = modulesBlock.start(1);
        Matcher m = MODULE.matcher(block);
        int lastEnd = -1;
        String indent = null;
        while (m.find()) {
            indent = indentBefore(block, m.start());
            if (m.group(1).compareTo(name) > 0) {
                return insert(blockStart + m.start(), "<module>" + name + "</module>\n" + indent);
            }
            lastEnd = m.end();
        }
        if (lastEnd >= 0) {
            return insert(blockStart + lastEnd, "\n" + indent + "<module>" + name + "</module>");
        }
        String closingIndent = indentBefore(text, modulesBlock.end(1));
        return insert(modulesBlock.end(1), closingIndent.isEmpty()
                ? "<module>" + name + "</module>"
                : "  <module>" + name + "</module>\n" + closingIndent);
    }

    private String insert(int at, String snippet) {
        return text.substring(0, at) + snippet + text.substring(at);
    }

    /** The spaces and tabs between the start of the line and {@code index}, if only those. */
    private static String indentBefore(String s, int index) {
        int lineStart = s.lastIndexOf('\n', index - 1) + 1;
        String before = s.substring(lineStart, index);
        return before.isBlank() ? before : "";
    }
}
