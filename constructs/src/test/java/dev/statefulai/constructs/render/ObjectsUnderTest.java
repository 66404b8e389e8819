package dev.statefulai.constructs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statefulai.constructs.Manifests;
import java.util.List;
import java.util.Map;
import org.cdk8s.plus28.k8s.Container;
import org.cdk8s.plus28.k8s.KubeStatefulSet;
import org.cdk8s.plus28.k8s.KubeStatefulSetProps;
import org.cdk8s.plus28.k8s.KubeStorageClass;
import org.cdk8s.plus28.k8s.KubeStorageClassProps;
import org.cdk8s.plus28.k8s.LabelSelector;
import org.cdk8s.plus28.k8s.ObjectMeta;
import org.cdk8s.plus28.k8s.PodSpec;
import org.cdk8s.plus28.k8s.PodTemplateSpec;
import org.cdk8s.plus28.k8s.StatefulSetSpec;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

/** Both render paths read back and annotate the objects under a scope alike ({@link Manifests#synth} compares the trees). */
class ObjectsUnderTest {

    /** A class and a StatefulSet, the set with an annotation of its own. */
    static final class Objects extends RecordableConstruct {
        Objects(Construct scope, String id) {
            super(scope, id);
            KubeObject.define(this, "class", KubeStorageClassProps.builder().metadata(ObjectMeta.builder().name("fast").build())
                    .provisioner("ebs.csi.aws.com").reclaimPolicy("Retain").build(), KubeStorageClass::new);
            KubeObject.define(this, "set", KubeStatefulSetProps.builder()
                    .metadata(ObjectMeta.builder().name("db").annotations(Map.of("team", "search")).build())
                    .spec(StatefulSetSpec.builder().serviceName("db")
                            .selector(LabelSelector.builder().matchLabels(Map.of("app", "db")).build())
                            .template(PodTemplateSpec.builder().metadata(ObjectMeta.builder().labels(Map.of("app", "db")).build())
                                    .spec(PodSpec.builder().containers(List.of(Container.builder().name("db").image("db:1").build())).build())
                                    .build())
                            .build())
                    .build(), KubeStatefulSet::new);
        }
    }

    @Test
    void annotatesTheObjectsAChooserPicksAndKeepsTheirOwnAnnotations() {
        Manifests out = Manifests.synth("ml", chart -> {
            Objects objects = new Objects(chart, "objects");
            ObjectsUnder.annotate(objects, ObjectsUnder.Place.METADATA, (manifest, all) -> Map.of("seen", all.size() + " objects",
                    "kind", (String) manifest.get("kind")));
        });
        assertEquals(Map.of("seen", "2 objects", "kind", "StorageClass"), out.at("StorageClass", "metadata.annotations"));
        assertEquals(Map.of("team", "search", "seen", "2 objects", "kind", "StatefulSet"), out.at("StatefulSet", "metadata.annotations"));
    }

    @Test
    void podTemplateAnnotationsGoWhereThereIsAPodTemplate() {
        Manifests out = Manifests.synth(null, chart -> {
            Objects objects = new Objects(chart, "objects");
            ObjectsUnder.annotate(objects, ObjectsUnder.Place.POD_TEMPLATE, (manifest, all) -> Map.of("hook", "on"));
        });
        assertEquals(Map.of("hook", "on"), out.at("StatefulSet", "spec.template.metadata.annotations"));
        assertNull(out.at("StatefulSet", "metadata.annotations.hook"));
        assertNull(out.at("StorageClass", "metadata.annotations"));
    }

    @Test
    void laterCallsSeeWhatEarlierOnesAddedAndObjectsDefinedAfterACallAreLeftAlone() {
        Manifests out = Manifests.synth(null, chart -> {
            Objects first = new Objects(chart, "first");
            ObjectsUnder.annotate(chart, ObjectsUnder.Place.METADATA, (manifest, all) -> Map.of("step", "1"));
            ObjectsUnder.annotate(first, ObjectsUnder.Place.METADATA, (manifest, all) -> "1".equals(Manifests.at(manifest,
                    "metadata.annotations.step")) ? Map.of("step", "2") : Map.of());
            KubeObject.define(chart, "later", KubeStorageClassProps.builder().metadata(ObjectMeta.builder().name("later").build())
                    .provisioner("ebs.csi.aws.com").build(), KubeStorageClass::new);
        });
        List<Object> steps = out.all("StorageClass").stream().map(sc -> Manifests.at(sc, "metadata.annotations.step")).toList();
        assertEquals(java.util.Arrays.asList("2", null), steps);
        assertEquals("2", out.at("StatefulSet", "metadata.annotations.step"));
    }

    @Test
    void readsBackTheManifestsUnderAScope() {
        Manifests.synth("ml", chart -> {
            Objects objects = new Objects(chart, "objects");
            List<Map<String, Object>> read = ObjectsUnder.manifests(objects);
            assertEquals(List.of("StorageClass", "StatefulSet"), read.stream().map(m -> m.get("kind")).toList());
            assertEquals("ml", Manifests.at(read.get(1), "metadata.namespace"));
        });
    }
}
