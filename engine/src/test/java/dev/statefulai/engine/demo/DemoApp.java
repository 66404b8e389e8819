package dev.statefulai.engine.demo;

import dev.statefulai.app.NamedApp;
import dev.statefulai.app.values.BackupValues;
import dev.statefulai.app.values.DataProtection;
import dev.statefulai.app.values.ResourcesValues;
import dev.statefulai.app.values.Rule;
import dev.statefulai.app.values.Set;
import dev.statefulai.app.values.StorageClassValues;
import dev.statefulai.constructs.claims.ClaimTemplate;
import dev.statefulai.constructs.pod.ContainerProps;
import dev.statefulai.constructs.workload.StatefulAIApp;
import dev.statefulai.constructs.workload.StatefulAIAppProps;
import dev.statefulai.constructs.workload.StorageProps;
import org.cdk8s.Chart;

/** A minimal app for the synth's own tests, registered only in the synth module's test class path. */
public final class DemoApp extends NamedApp<DemoApp.Values> {

    /** The demo's values. */
    public record Values(@Rule(Rule.Kind.DNS_LABEL) String namespace, String image, @Rule(Rule.Kind.POSITIVE) Integer replicas,
                         @Rule(Rule.Kind.SIZE) String size, StorageClassValues storageClass, ResourcesValues resources,
                         BackupValues backup) {
    }

    public DemoApp() {
        super("demo", Values.class);
    }

    @Override
    public void define(Chart chart, Values v, String environment) {
        StatefulAIAppProps.Builder props = StatefulAIAppProps.builder().name("demo").namespace(v.namespace()).image(v.image())
                .claimTemplates(ClaimTemplate.builder().name("data").mountPath("/data").size(v.size()).build());
        Set.ifGiven(v.replicas(), props::replicas);
        if (v.storageClass() != null) {
            props.storage(StorageProps.builder().storageClass(v.storageClass().toSpec("demo")).build());
        }
        if (v.resources() != null) {
            props.container(ContainerProps.builder().resources(v.resources().toResources()).build());
        }
        new StatefulAIApp(chart, "demo", props.build());
        DataProtection.apply(chart, new DataProtection.App("demo", environment, null, null), v.backup(), null, null);
    }
}
