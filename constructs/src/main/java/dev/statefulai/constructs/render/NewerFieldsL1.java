package dev.statefulai.constructs.render;

import java.util.Map;
import org.cdk8s.ApiObject;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaim;
import org.cdk8s.plus28.k8s.KubePersistentVolumeClaimProps;
import org.cdk8s.plus28.k8s.KubeStatefulSet;
import org.cdk8s.plus28.k8s.KubeStatefulSetProps;
import software.constructs.Construct;

/**
 * L1 objects that render {@link NewerFields} on cdk8s's path: subclasses whose {@code toJson} (which jsii calls
 * back into Java for, from the chart's synth) sets the fields on what the L1 class renders. One per kind that
 * carries such a field today.
 */
final class NewerFieldsL1 {

    private NewerFieldsL1() {
    }

    /** An L1 object of {@code props}'s kind rendering {@code fields} too. */
    @SuppressWarnings("unchecked")
    static <T extends ApiObject> T create(Construct scope, String id, Object props, NewerFields fields) {
        if (props instanceof KubeStatefulSetProps p) {
            return (T) new StatefulSet(scope, id, p, fields);
        }
        if (props instanceof KubePersistentVolumeClaimProps p) {
            return (T) new PersistentVolumeClaim(scope, id, p, fields);
        }
        throw new IllegalArgumentException("no L1 class renders newer fields for " + props.getClass().getName());
    }

    @SuppressWarnings("unchecked")
    private static Object render(Object json, NewerFields fields) {
        return fields.applyTo((Map<String, Object>) json);
    }

    static final class StatefulSet extends KubeStatefulSet {
        private final transient NewerFields fields;

        StatefulSet(Construct scope, String id, KubeStatefulSetProps props, NewerFields fields) {
            super(scope, id, props);
            this.fields = fields;
        }

        @Override
        public Object toJson() {
            return render(super.toJson(), fields);
        }
    }

    static final class PersistentVolumeClaim extends KubePersistentVolumeClaim {
        private final transient NewerFields fields;

        PersistentVolumeClaim(Construct scope, String id, KubePersistentVolumeClaimProps props, NewerFields fields) {
            super(scope, id, props);
            this.fields = fields;
        }

        @Override
        public Object toJson() {
            return render(super.toJson(), fields);
        }
    }
}
