package dev.statefulai.gate;

import dev.statefulai.gate.testing.GateFixture;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCHEMA001/SCHEMA002: the schema stage reports what ManifestSchemaValidator finds. */
class CheckSchemaStageTest {
    @TempDir
    Path tmp;

    @Test
    void unknownFieldIsASchemaError() {
        Report report = new GateFixture(tmp).file("prod", "app.yaml",
                GateFixture.cleanWith(0, "allowVolumeExpansion: true", "allowVolumeExpansion: true, reclaimpolicy: Retain")).run();
        assertEquals(List.of("SCHEMA001 error prod StorageClass/gp3: $.reclaimpolicy: unknown field \"reclaimpolicy\""), lines(report));
    }

    @Test
    void customResourceWithoutASchemaIsReportedAsNotValidated() {
        Report report = new GateFixture(tmp).file("prod", "app.yaml",
                "{apiVersion: cert-manager.io/v1, kind: Certificate, metadata: {name: tls, namespace: web}, spec: {secretName: tls}}").run();
        assertEquals(List.of("SCHEMA002 warning prod Certificate/web/tls: no Kubernetes 1.28.0 definition for"
                + " cert-manager.io/v1 Certificate (custom resource?): not validated"), lines(report));
    }

    @Test
    void snapshotClassesAreValidatedWithTheShippedSchema() {
        Report clean = new GateFixture(tmp).file("prod", "app.yaml",
                "{apiVersion: snapshot.storage.k8s.io/v1, kind: VolumeSnapshotClass, metadata: {name: snap}, driver: ebs.csi.aws.com,"
                        + " deletionPolicy: Retain}").run();
        assertEquals(List.of(), lines(clean));
    }
}
