package dev.statefulai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The safety gate's benchmark input: {@code GateFleet <dist> <n>} writes {@code <dist>/prod/} with
 * {@code n} PersistentVolumes and {@code n} claims, in files of 100 volumes each, the shapes this
 * project's apps make: half pre-bound from both sides ({@code DataPipelineStorage}'s existing EBS
 * volumes), half local NVMe disks taken by the replicas of 5-replica StatefulSets (each with its headless
 * Service and PodDisruptionBudget, run the way the Qdrant preset runs them, their disks marked as caches since
 * Qdrant keeps copies of each shard on other nodes), and a Velero schedule for the rest. Every claim binds,
 * every PV is used: a clean fleet, where the binding proof must match every claim.
 */
public final class GateFleet {
    private static final int REPLICAS = 5;
    private static final int PER_FILE = 100;

    private GateFleet() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GateFleet <dist> <n>");
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    static void write(Path dist, int n) throws IOException {
        Path env = dist.resolve("prod");
        Files.createDirectories(env);
        Files.writeString(env.resolve("classes.yaml"), """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: local-nvme
                provisioner: kubernetes.io/no-provisioner
                reclaimPolicy: Retain
                volumeBindingMode: WaitForFirstConsumer
                ---
                apiVersion: velero.io/v1
                kind: Schedule
                metadata: {name: data-nightly, namespace: velero}
                spec:
                  schedule: 0 2 * * *
                  template:
                    includedNamespaces: [data]
                    snapshotVolumes: true
                    snapshotMoveData: true
                    ttl: 168h
                """);
        StringBuilder file = new StringBuilder();
        int sets = 0;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                file.append(preBoundPair(i));
            } else if ((i / 2) % REPLICAS == 0) {
                // The first local disk of a set of REPLICAS: one StatefulSet claims this and the next ones.
                int replicas = Math.min(REPLICAS, (n - i + 1) / 2);
                file.append(statefulSet(sets, replicas));
                for (int r = 0; r < replicas; r++) {
                    file.append(localPv(sets, r));
                }
                sets++;
            }
            if ((i + 1) % PER_FILE == 0 || i == n - 1) {
                Files.writeString(env.resolve(String.format("part-%05d.yaml", i / PER_FILE)), file.toString());
                file.setLength(0);
            }
        }
    }

    private static String preBoundPair(int i) {
        return """
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata:
                  name: archive-%1$d
                spec:
                  accessModes: [ReadWriteOnce]
                  capacity: {storage: 100Gi}
                  claimRef: {name: archive-%1$d, namespace: data}
                  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-%1$017x, fsType: ext4}
                  persistentVolumeReclaimPolicy: Retain
                  storageClassName: ""
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: archive-%1$d
                  namespace: data
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 100Gi}}
                  storageClassName: ""
                  volumeName: archive-%1$d
                """.formatted(i);
    }

    private static String statefulSet(int set, int replicas) {
        return """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: db-%1$d, namespace: data}
                spec:
                  clusterIP: None
                  ports: [{name: http, port: 6333}]
                  selector: {app: db-%1$d}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: db-%1$d, namespace: data}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app: db-%1$d}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db-%1$d
                  namespace: data
                  annotations:
                    cache.ai-storage.dev/data: Qdrant keeps every shard on more than one node; a lost disk is copied again from the others
                spec:
                  replicas: %2$d
                  serviceName: db-%1$d
                  selector: {matchLabels: {app: db-%1$d}}
                  template:
                    metadata: {labels: {app: db-%1$d}}
                    spec:
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 100
                            podAffinityTerm: {labelSelector: {matchLabels: {app: db-%1$d}}, topologyKey: kubernetes.io/hostname}
                      securityContext: {runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000}
                      containers:
                      - name: db
                        image: qdrant/qdrant:v1.12.4-unprivileged
                        imagePullPolicy: Always
                        env: [{name: QDRANT_INIT_FILE_PATH, value: /qdrant/init/.qdrant-initialized}]
                        securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
                        resources: {requests: {cpu: 500m, memory: 1Gi, ephemeral-storage: 3088Mi}}
                        volumeMounts:
                        - {name: data, mountPath: /qdrant/storage}
                        - {name: tmp, mountPath: /tmp}
                        - {name: init, mountPath: /qdrant/init}
                        - {name: snapshots, mountPath: /qdrant/snapshots}
                      volumes:
                      - {name: tmp, emptyDir: {sizeLimit: 1Gi}}
                      - {name: init, emptyDir: {sizeLimit: 16Mi}}
                      - {name: snapshots, emptyDir: {sizeLimit: 2Gi}}
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec:
                      accessModes: [ReadWriteOnce]
                      storageClassName: local-nvme
                      resources: {requests: {storage: 100Gi}}
                """.formatted(set, replicas);
    }

    private static String localPv(int set, int replica) {
        return """
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata:
                  name: nvme-%1$d-%2$d
                spec:
                  accessModes: [ReadWriteOnce]
                  capacity: {storage: %3$dGi}
                  local: {path: /mnt/nvme0}
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: kubernetes.io/hostname, operator: In, values: [node-%1$d-%2$d]}
                  persistentVolumeReclaimPolicy: Retain
                  storageClassName: local-nvme
                """.formatted(set, replica, 100 + replica * 10);
    }
}
