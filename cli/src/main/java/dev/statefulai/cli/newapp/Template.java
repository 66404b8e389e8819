package dev.statefulai.cli.newapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file under {@code newapp-templates/} with {@code {{key}}} placeholders. */
final class Template {
    private static final String DIR = "newapp-templates/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private Template() {
    }

    /** The template at {@code path} with every placeholder replaced; an unknown placeholder is a bug. */
    static String render(String path, Map<String, String> vars) {
        String text = load(path);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(DIR + path + " uses {{" + m.group(1) + "}}, which has no value; known: " + vars.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String load(String path) {
        try (InputStream in = Template.class.getClassLoader().getResourceAsStream(DIR + path)) {
            if (in == null) {
                throw new IllegalStateException("no template " + DIR + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
