package dev.statefulai.constructs.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import software.amazon.jsii.JsiiModule;

/**
 * What the Java-side renderer needs to know of cdk8s-plus-28's L1 module ({@code org.cdk8s.plus28.k8s})
 * beyond its Java classes, taken from the pinned package itself when the constructs module is built
 * ({@link #main}): the Kubernetes name of each struct field whose jsii name differs ({@code clusterIp} is
 * {@code clusterIP}, {@code ref} is {@code $ref}), and the API version and kind of each L1 class, by its
 * props struct. Reading the same things at run time would mean the jsii kernel (the classes' {@code GVK})
 * or parsing the package's 2.8 MB assembly on every start.
 */
public final class Cdk8sPlusTable {
    /**
     * The table beside this class in the build output. A line is {@code field <tab> struct interface <tab>
     * getter <tab> Kubernetes name} or {@code kind <tab> props interface <tab> apiVersion <tab> kind}.
     */
    static final String RESOURCE = "cdk8s-plus-28.tsv";

    /** The API version and kind of an L1 class. */
    public record Kind(String apiVersion, String kind) {
    }

    private static final class Loaded {
        static final Map<String, String> FIELDS = new HashMap<>();
        static final Map<String, Kind> KINDS = new HashMap<>();

        static {
            try (InputStream in = Cdk8sPlusTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing beside " + Cdk8sPlusTable.class.getName()
                            + ": the constructs module's build makes it (./mvnw -o -pl constructs package)");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.split("\t");
                    if (f[0].equals("field")) {
                        FIELDS.put(f[1] + "#" + f[2], f[3]);
                    } else if (f[0].equals("kind")) {
                        KINDS.put(f[1], new Kind(f[2], f[3]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Cdk8sPlusTable() {
    }

    /** The Kubernetes name of the field a struct interface's getter reads; {@code null} when it is the getter's plain name. */
    static String fieldName(Class<?> struct, String getter) {
        return Loaded.FIELDS.get(struct.getName() + "#" + getter);
    }

    /** The kind an L1 class defines, by its props interface (e.g. {@code KubeStatefulSetProps}); {@code null} for another. */
    public static Kind kindOf(Class<?> props) {
        return Loaded.KINDS.get(props.getName());
    }

    /** An L1 class's API version and kind in the package's JavaScript: {@code KubeX.GVK = { apiVersion: 'v1', kind: 'X', };} */
    private static final Pattern GVK = Pattern.compile(
            "\\n(\\w+)\\.GVK = \\{\\s*apiVersion: '([^']+)',\\s*kind: '([^']+)',?\\s*\\};");

    /**
     * Writes the table to {@code args[0]}, from the jsii bundle of cdk8s-plus-28 on the class path: its
     * assembly ({@code package/.jsii}: each L1 struct field's Kubernetes name is the part after {@code #}
     * in its {@code @schema} doc, e.g. {@code io.k8s.api.core.v1.ServiceSpec#clusterIP}; each L1 class's
     * initializer names its props struct), its {@code lib/imports/k8s.js} (each class's GVK), and the
     * Java interfaces of the structs (which getter is which field: {@code default} is {@code getDefaultValue}).
     */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        JsiiModule module = new org.cdk8s.plus28.$Module();
        Map<String, byte[]> files;
        try (InputStream bundle = module.getModuleClass().getResourceAsStream(module.getBundleResourceName())) {
            if (bundle == null) {
                throw new IllegalStateException("no " + module.getBundleResourceName() + " on the class path");
            }
            files = tarEntries(new GZIPInputStream(bundle), "package/.jsii", "package/lib/imports/k8s.js");
        }
        Properties javaClasses = new Properties();
        try (InputStream in = module.getModuleClass().getResourceAsStream("$Module.txt")) {
            javaClasses.load(in);
        }
        JsonNode types = new ObjectMapper().readTree(files.get("package/.jsii")).path("types");
        Map<String, Kind> gvks = new HashMap<>();
        Matcher m = GVK.matcher(new String(files.get("package/lib/imports/k8s.js"), StandardCharsets.UTF_8));
        while (m.find()) {
            gvks.put(m.group(1), new Kind(m.group(2), m.group(3)));
        }
        String prefix = module.getModuleName() + ".k8s.";
        ClassLoader loader = module.getModuleClass().getClassLoader();
        TreeSet<String> lines = new TreeSet<>();
        for (Map.Entry<String, JsonNode> e : types.properties()) {
            JsonNode type = e.getValue();
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (type.path("datatype").asBoolean()) {
                fieldLines(loader.loadClass(javaClasses.getProperty(e.getKey())), type, lines);
            } else if (gvks.containsKey(type.path("name").asText())) {
                Kind kind = gvks.get(type.path("name").asText());
                for (JsonNode parameter : type.path("initializer").path("parameters")) {
                    if (parameter.path("name").asText().equals("props")) {
                        lines.add(String.join("\t", "kind", javaClasses.getProperty(parameter.path("type").path("fqn").asText()),
                                kind.apiVersion(), kind.kind()));
                    }
                }
            }
        }
        if (lines.stream().noneMatch(l -> l.startsWith("field")) || lines.stream().noneMatch(l -> l.startsWith("kind"))) {
            throw new IllegalStateException("no field names or no kinds found in " + module.getBundleResourceName());
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * A line for each getter of {@code struct} whose field's Kubernetes name is not the getter's name
     * without {@code get}, decapitalized; fails when a getter is no field of the assembly's.
     */
    private static void fieldLines(Class<?> struct, JsonNode type, TreeSet<String> lines) {
        Map<String, String> k8sByGetter = new HashMap<>();
        for (JsonNode property : type.path("properties")) {
            String schema = property.path("docs").path("custom").path("schema").asText();
            String jsii = property.path("name").asText();
            String k8s = schema.contains("#") ? schema.substring(schema.indexOf('#') + 1) : jsii;
            String getter = "get" + Character.toUpperCase(jsii.charAt(0)) + jsii.substring(1);
            // jsii-pacmak names a property that is a Java keyword with "Value" after it (default: getDefaultValue).
            k8sByGetter.put(getter, k8s);
            k8sByGetter.put(getter + "Value", k8s);
        }
        for (Method getter : struct.getDeclaredMethods()) {
            String name = getter.getName();
            if (!name.startsWith("get") || getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            String k8s = k8sByGetter.get(name);
            if (k8s == null) {
                throw new IllegalStateException(struct.getName() + "." + name + "() is no field of the jsii assembly");
            }
            if (!k8s.equals(StructFields.decapitalizedProperty(name))) {
                lines.add(String.join("\t", "field", struct.getName(), name, k8s));
            }
        }
    }

    /** The contents of the named entries of a tar stream (ustar: 512-byte headers, data padded to 512 bytes). */
    static Map<String, byte[]> tarEntries(InputStream tar, String... names) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        DataInputStream in = new DataInputStream(tar);
        byte[] header = new byte[512];
        while (found.size() < names.length) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                break;
            }
            String name = field(header, 0, 100);
            if (name.isEmpty()) {
                break;
            }
            String prefix = field(header, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            byte[] data = new byte[Math.toIntExact(size)];
            in.readFully(data);
            in.skipNBytes((512 - size % 512) % 512);
            for (String wanted : names) {
                if (wanted.equals(path)) {
                    found.put(path, data);
                }
            }
        }
        for (String wanted : names) {
            if (!found.containsKey(wanted)) {
                throw new IllegalStateException("no " + wanted + " in the jsii bundle");
            }
        }
        return found;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
