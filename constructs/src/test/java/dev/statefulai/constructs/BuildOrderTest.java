package dev.statefulai.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;

/**
 * The build runs modules in parallel (.mvn/maven.config), ordered by their dependencies alone. The
 * bootstrap module makes org.cdk8s:cdk8s-plus-28 resolvable, so every module that names it must depend on
 * bootstrap, or on a module of this build that does: otherwise, with an empty local repository, it
 * compiles before the artifact exists.
 */
class BuildOrderTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyModuleThatUsesCdk8sPlus28IsBuiltAfterTheBootstrap() throws Exception {
        List<String> unordered = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.toString().contains("/target/")
                    && !p.toString().contains("/node_modules/")).toList()) {
                List<String> dependencies = dependencies(pom);
                if (dependencies.contains("org.cdk8s:cdk8s-plus-28") && !dependencies.contains("dev.statefulai:bootstrap")
                        && !dependencies.contains("dev.statefulai:constructs")) {
                    unordered.add(ROOT.relativize(pom).toString());
                }
            }
        }
        assertEquals(List.of(), unordered, "modules that use cdk8s-plus-28 without depending on the bootstrap module");
    }

    /** The pom's own dependencies (not its dependency management), as groupId:artifactId. */
    private static List<String> dependencies(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        List<String> ids = new ArrayList<>();
        NodeList sections = doc.getDocumentElement().getChildNodes();
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

    private static String text(Element element, String tag) {
        return element.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}
