package dev.statefulai.gate;

import dev.statefulai.gate.testing.Docs;
import dev.statefulai.gate.testing.GateFixture;
import static dev.statefulai.gate.testing.GateFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SEC001-SEC003: no credential in plain text in dist/, no env name twice in a container. */
class SecretRulesTest {
    @TempDir
    Path tmp;

    private List<String> check(String... docs) {
        return lines(new GateFixture(tmp).file("prod", "app.yaml", docs).run());
    }

    /** The clean set's StatefulSet with {@code env} (flow YAML) on its container and {@code init} as its init containers. */
    private static String[] cleanWithEnv(String env, String init) {
        String main = "containers: [{name: main, image: " + Docs.IMAGE + ",";
        return GateFixture.cleanWith(2, main, (init.isEmpty() ? "" : "initContainers: [" + init + "], ") + main + " env: " + env + ",");
    }

    @Test
    void sec001APasswordInPlainEnvIsAnErrorAndItsValueIsNotShown() {
        assertEquals(List.of("SEC001 error prod StatefulSet/data/db: container main: env DB_PASSWORD holds a credential in plain text"
                        + " (its name says it holds a credential): every reader of the repository can read it; read it from a Secret"
                        + " (valueFrom.secretKeyRef or envFrom.secretRef)"),
                check(cleanWithEnv("[{name: DB_PASSWORD, value: hunter2}, {name: LOG_LEVEL, value: info}]", "")));
    }

    @Test
    void sec001ATokenUnderAnyNameInAnInitContainerOfAJob() {
        String job = "{apiVersion: batch/v1, kind: Job, metadata: {name: load, namespace: data}, spec: {template: {spec: {"
                + "restartPolicy: Never, initContainers: [{name: fetch, image: curl, env: [{name: ARGS,"
                + " value: '--header Bearer ghp_0123456789abcdefghijklmnopqrstuvwxyzAB'}]}], containers: [{name: load, image: busybox}]}}}}";
        assertEquals(List.of("SEC001 error prod Job/data/load: container fetch: env ARGS holds a credential in plain text"
                + " (its value looks like a GitHub token): every reader of the repository can read it; read it from a Secret"
                + " (valueFrom.secretKeyRef or envFrom.secretRef)"), check(job));
    }

    @Test
    void sec001SecretReferencesFilePathsAndOrdinaryValuesAreFine() {
        assertEquals(List.of(), check(cleanWithEnv("[{name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf, key: token}}},"
                + " {name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /var/run/secrets/token}, {name: TOKENIZERS_PARALLELISM, value: 'false'},"
                + " {name: DATABASE_URL, value: 'postgres://app:$(DB_PASSWORD)@db:5432/app'}]", "")));
    }

    @Test
    void sec001CanBeWaivedWithAReason() {
        String[] docs = cleanWithEnv("[{name: SESSION_TOKEN, value: not-a-secret-just-a-label}]", "");
        docs[2] = docs[2].replace("metadata: {name: db, namespace: data}",
                "metadata: {name: db, namespace: data, annotations: {ai-storage.dev/waive-SEC001: 'a label, not a credential'}}");
        assertEquals(List.of("SEC001 error prod StatefulSet/data/db: container main: env SESSION_TOKEN holds a credential in plain text"
                + " (its name says it holds a credential): every reader of the repository can read it; read it from a Secret"
                + " (valueFrom.secretKeyRef or envFrom.secretRef) [waived: a label, not a credential]"), check(docs));
    }

    @Test
    void sec002ASecretWithDataOrStringDataIsAnError() {
        String data = "{apiVersion: v1, kind: Secret, metadata: {name: db-creds, namespace: data}, type: Opaque,"
                + " data: {password: aHVudGVyMg==, user: YXBw}}";
        String stringData = "{apiVersion: v1, kind: Secret, metadata: {name: hf, namespace: data}, stringData: {token: hf_x}}";
        assertEquals(List.of(
                "SEC002 error prod Secret/data/db-creds: holds 2 value(s) in data (password, user): base64 is an encoding, not"
                        + " encryption, so every reader of the repository can read them; create the Secret in the cluster (kubectl,"
                        + " External Secrets, Sealed Secrets or SOPS) and keep only references to it in dist/",
                "SEC002 error prod Secret/data/hf: holds 1 value(s) in stringData (token): base64 is an encoding, not"
                        + " encryption, so every reader of the repository can read them; create the Secret in the cluster (kubectl,"
                        + " External Secrets, Sealed Secrets or SOPS) and keep only references to it in dist/"), check(data, stringData));
    }

    @Test
    void sec002ASecretWithoutValuesIsFine() {
        // A service account token Secret: the token controller fills it in the cluster; git holds no secret.
        String token = "{apiVersion: v1, kind: Secret, metadata: {name: backup-token, namespace: data,"
                + " annotations: {kubernetes.io/service-account.name: backup}}, type: kubernetes.io/service-account-token}";
        String empty = "{apiVersion: v1, kind: Secret, metadata: {name: placeholder, namespace: data}, data: {}, stringData: {key: ''}}";
        assertEquals(List.of(), check(token, empty));
    }

    @Test
    void sec003AnEnvNameTwiceInAContainerIsAnError() {
        // The report's case: HF_TOKEN as a literal and as a Secret reference.
        assertEquals(List.of("SEC003 error prod StatefulSet/data/db: container fill lists env HF_TOKEN 2 times: env is a list keyed"
                        + " by name, so server-side apply refuses the object (and kubectl apply keeps only the last); keep one"),
                check(cleanWithEnv("[{name: LOG_LEVEL, value: info}]", "{name: fill, image: " + Docs.IMAGE + ", imagePullPolicy: IfNotPresent, securityContext: {readOnlyRootFilesystem: true},"
                        + " resources: {requests: {cpu: 100m, memory: 64Mi}}, env: [{name: HF_TOKEN, value: ''},"
                        + " {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf, key: token}}}]}")));
    }
}
