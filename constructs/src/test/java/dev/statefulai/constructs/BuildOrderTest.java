package dev.statefulai.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build runs modules in parallel (.mvn/maven.config), ordered by their dependencies alone, so every
 * order the build relies on must be a dependency. The modules are read from the {@code <modules>} lists (a
 * walk of the tree would meet other modules' target folders as they change).
 */
class BuildOrderTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The bootstrap module makes org.cdk8s:cdk8s-plus-28 resolvable: with an empty local repository, nothing may compile before it. */
    @Test
    void everyModuleThatUsesCdk8sPlus28IsBuiltAfterTheBootstrap() throws Exception {
        List<String> unordered = new ArrayList<>();
        for (Path module : modules()) {
            List<String> dependencies = dependencies(module.resolve("pom.xml"));
            if (dependencies.contains("org.cdk8s:cdk8s-plus-28") && !dependencies.contains("dev.statefulai:bootstrap")
                    && !dependencies.contains("dev.statefulai:constructs")) {
                unordered.add(ROOT.relativize(module).toString());
            }
        }
        assertEquals(List.of(), unordered, "modules that use cdk8s-plus-28 without depending on the bootstrap module");
    }

    /** dist-tests synthesizes every app under apps/ from its classes: each app module is built before it. */
    @Test
    void distTestsIsBuiltAfterEveryApp() throws Exception {
        List<String> dependencies = dependencies(ROOT.resolve("dist-tests/pom.xml"));
        List<String> missing = new ArrayList<>();
        for (String app : moduleNames(ROOT.resolve("apps/pom.xml"))) {
            String artifact = "dev.statefulai:" + text(root(ROOT.resolve("apps").resolve(app).resolve("pom.xml")), "artifactId");
            if (!dependencies.contains(artifact)) {
                missing.add(artifact);
            }
        }
        assertEquals(List.of(), missing, "apps dist-tests/pom.xml does not depend on (new-app adds the line)");
    }

    /**
     * Cdk8sValidationPluginTest runs the cdk8s CLI that the cdk8s-cli module installs, and skips without it: dist-tests
     * starting before the install ends would skip it on a fresh clone instead of failing.
     */
    @Test
    void distTestsIsBuiltAfterTheCdk8sCliInstall() throws Exception {
        assertTrue(dependencies(ROOT.resolve("dist-tests/pom.xml")).contains("dev.statefulai:cdk8s-cli"),
                "dist-tests/pom.xml depends on dev.statefulai:cdk8s-cli");
        assertTrue(moduleNames(ROOT.resolve("pom.xml")).contains("cdk8s-cli"), "the root pom builds cdk8s-cli");
    }

    /** Every module of the build: those the root pom names (its profiles' too), and the apps. */
    private static List<Path> modules() throws Exception {
        List<Path> modules = new ArrayList<>();
        for (String name : moduleNames(ROOT.resolve("pom.xml"))) {
            modules.add(ROOT.resolve(name));
        }
        for (String app : moduleNames(ROOT.resolve("apps/pom.xml"))) {
            modules.add(ROOT.resolve("apps").resolve(app));
        }
        return modules;
    }

    private static List<String> moduleNames(Path pom) throws Exception {
        NodeList names = root(pom).getElementsByTagName("module");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.getLength(); i++) {
            out.add(names.item(i).getTextContent().trim());
        }
        return out;
    }

    /** The pom's own dependencies (not its dependency management), as groupId:artifactId. */
    private static List<String> dependencies(Path pom) throws Exception {
        List<String> ids = new ArrayList<>();
        NodeList sections = root(pom).getChildNodes();
        for (int i = 0; i < sections.getLength(); i++) {
            if (sections.item(i) instanceof Element section && section.getTagName().equals("dependencies")) {
                NodeList dependencies = section.getElementsByTagName("dependency");
                for (int k = 0; k < dependencies.getLength(); k++) {
                    Element dependency = (Element) dependencies.item(k);
                    ids.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
                }
            }
        }
        return ids;
    }

    private static Element root(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    /** The text of the first {@code tag} directly under {@code element}. */
    private static String text(Element element, String tag) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        throw new IllegalArgumentException("no <" + tag + "> in <" + element.getTagName() + ">");
    }
}
