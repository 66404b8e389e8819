/**
 * The TypeScript reference of the fleet benchmark: native cdk8s (cdk8s 2.70.47, the `k8s` L1 module of
 * cdk8s-plus-28 2.5.6, constructs 10.4.5), no jsii. It reads the same fleet (apps/<kind>-tNNNNN/values.yaml
 * and values-prod.yaml), builds the same L1 objects as the Java constructs StatefulAIApp (through the
 * vector-db app) and DataPipelineStorage (through the feature-pipeline app), one App per chart, and writes
 * the same tree as the Java synth: prod/<instance>.yaml, prod/Kustomization, prod/outputs.json.
 *
 * Usage: node main.js <fleet root> <out dir>; prints one JSON line of figures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';

// The YAML library cdk8s itself ships, for the values files.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const YAML = require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] }));

const ENV = 'prod';
type Values = Record<string, any>;
type Outputs = Record<string, unknown>;

function merge(base: Values, overlay: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(overlay ?? {})) {
    const b = out[k];
    out[k] = b && typeof b === 'object' && !Array.isArray(b) && v && typeof v === 'object' && !Array.isArray(v) ? merge(b, v) : v;
  }
  return out;
}

function load(dir: string): Values {
  const read = (f: string) => (fs.existsSync(f) ? YAML.parse(fs.readFileSync(f, 'utf8')) ?? {} : {});
  return merge(read(path.join(dir, 'values.yaml')), read(path.join(dir, `values-${ENV}.yaml`)));
}

const q = (s: string) => k8s.Quantity.fromString(s);

function labels(name: string, component: string, partOf: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/managed-by': 'cdk8s',
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': partOf,
  };
}

/**
 * gitOps.protect: retained: Argo CD and Flux neither prune nor delete an object that keeps data (a Retain class,
 * volume or snapshot class, a claim or claim template on a Retain class); no annotations otherwise.
 */
function keepAnnotations(v: Values, reclaimPolicy: string): Record<string, string> | undefined {
  if ((v.gitOps?.protect ?? 'retained') === 'never' || (v.gitOps?.protect ?? 'retained') === 'retained' && reclaimPolicy !== 'Retain') {
    return undefined;
  }
  return { 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false', 'kustomize.toolkit.fluxcd.io/prune': 'disabled' };
}

interface StorageClass { name: string; volumeType: string; encrypted: boolean; reclaimPolicy: string; iops?: number; throughput?: number }

function storageClassOf(v: Values): StorageClass {
  const sc = v.storageClass ?? {};
  return {
    name: sc.name, volumeType: sc.volumeType ?? 'gp3', encrypted: sc.encrypted ?? true, reclaimPolicy: sc.reclaimPolicy ?? 'Retain',
    iops: sc.iops, throughput: sc.throughput,
  };
}

function addEbsStorageClass(scope: Construct, id: string, sc: StorageClass, v: Values): void {
  const parameters: Record<string, string> = { 'csi.storage.k8s.io/fstype': 'ext4', encrypted: String(sc.encrypted), type: sc.volumeType };
  if (sc.iops !== undefined) parameters.iops = String(sc.iops);
  if (sc.throughput !== undefined) parameters.throughput = String(sc.throughput);
  new k8s.KubeStorageClass(scope, id, {
    metadata: { name: sc.name, annotations: keepAnnotations(v, sc.reclaimPolicy) },
    provisioner: 'ebs.csi.aws.com',
    reclaimPolicy: sc.reclaimPolicy,
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    parameters,
  });
}

const MI = 1024 * 1024;
const bytes = (size: string) => Number(size.slice(0, -2)) * (size.endsWith('Gi') ? 1024 * MI : MI);

/** The ephemeral-storage a container asks for its emptyDir scratch: their sizes added up. */
function ephemeralStorage(sizes: string[]): string {
  const total = sizes.reduce((sum, s) => sum + bytes(s), 0);
  return total % (1024 * MI) === 0 ? `${total / (1024 * MI)}Gi` : `${total / MI}Mi`;
}

/** vector-db: the StatefulAIApp of the Java app, with the props VectorDbApp (and its Qdrant image preset) gives it. */
function vectorDb(chart: Chart, v: Values): Record<string, Outputs> {
  const name = 'vector-db';
  const scope = new Construct(chart, name);
  const namespace: string = v.namespace;
  const replicas: number = v.replicas ?? 1;
  const sc = storageClassOf(v);
  const keep = keepAnnotations(v, sc.reclaimPolicy);
  const lbl = labels(name, 'vector-database', 'ai-platform');
  const selector = { 'app.kubernetes.io/name': name };
  const meta = { name, labels: lbl, namespace };
  const ports = [['http', 6333], ['grpc', 6334], ['p2p', 6335]] as const;
  const claims: Array<[string, string, string]> = [['data', '/qdrant/storage', v.persistence?.size]];
  if (v.snapshotPersistence) {
    claims.push(['snapshots', '/qdrant/snapshots', v.snapshotPersistence.size]);
  }
  // The root file system is read-only: a bounded /tmp, and the Qdrant image's writable directories (its init
  // marker, and its snapshots unless a claim is mounted there), each an emptyDir with a size limit.
  const scratch: Array<[string, string, string]> = [['tmp', '/tmp', '1Gi'], ['init', '/qdrant/init', '16Mi']];
  if (!v.snapshotPersistence) {
    scratch.push(['snapshots', '/qdrant/snapshots', '2Gi']);
  }
  const probe = (p: string, period: number): k8s.Probe => ({
    periodSeconds: period, timeoutSeconds: 5, failureThreshold: 3,
    httpGet: { path: p, port: k8s.IntOrString.fromNumber(6333) },
  });
  const memory: string = v.resources?.memory ?? '1Gi';
  const image: string = v.image;

  addEbsStorageClass(scope, 'storage-class', sc, v);
  new k8s.KubeService(scope, 'service', {
    metadata: meta,
    spec: {
      clusterIp: 'None',
      selector,
      publishNotReadyAddresses: true,
      ports: ports.map(([n, p]) => ({ name: n, port: p, targetPort: k8s.IntOrString.fromString(n), protocol: 'TCP' })),
    },
  });
  new k8s.KubeStatefulSet(scope, 'statefulset', {
    metadata: { ...meta, annotations: keep },
    spec: {
      serviceName: name,
      replicas,
      selector: { matchLabels: selector },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: {
        metadata: { labels: lbl },
        spec: {
          // Replicas on different nodes when the scheduler can: losing a node then loses one of them.
          affinity: replicas > 1 ? {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [{
                weight: 100,
                podAffinityTerm: { labelSelector: { matchLabels: selector }, topologyKey: 'kubernetes.io/hostname' },
              }],
            },
          } : undefined,
          containers: [{
            name,
            image,
            imagePullPolicy: image.includes('@sha256:') ? 'IfNotPresent' : 'Always',
            resources: {
              requests: {
                'cpu': q(v.resources?.cpu ?? '500m'),
                'memory': q(memory),
                'ephemeral-storage': q(ephemeralStorage(scratch.map(([, , size]) => size))),
              },
              limits: { memory: q(memory) },
            },
            securityContext: {
              allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] },
            },
            env: [
              { name: 'QDRANT_INIT_FILE_PATH', value: '/qdrant/init/.qdrant-initialized' },
              { name: 'QDRANT__CLUSTER__ENABLED', value: 'true' },
            ],
            ports: ports.map(([n, p]) => ({ name: n, containerPort: p, protocol: 'TCP' })),
            volumeMounts: [...claims, ...scratch].map(([n, mountPath]) => ({ name: n, mountPath })),
            readinessProbe: probe('/readyz', 10),
            livenessProbe: probe('/livez', 20),
          }],
          securityContext: {
            runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000,
            fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' },
          },
          volumes: scratch.map(([n, , sizeLimit]) => ({ name: n, emptyDir: { sizeLimit: q(sizeLimit) } })),
          enableServiceLinks: false,
          automountServiceAccountToken: false,
        },
      },
      volumeClaimTemplates: claims.map(([n, , size]) => ({
        metadata: { name: n, labels: selector },
        spec: {
          accessModes: ['ReadWriteOnce'],
          volumeMode: 'Filesystem',
          resources: { requests: { storage: q(size) } },
          storageClassName: sc.name,
        },
      })),
    },
  });
  if (replicas > 1) {
    new k8s.KubePodDisruptionBudget(scope, 'pdb', {
      metadata: meta,
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: selector },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });
  }
  const claimNames: Record<string, string[]> = {};
  for (const [n] of claims) {
    claimNames[n] = Array.from({ length: replicas }, (_, i) => `${n}-${name}-${i}`);
  }
  // volumeTier: the running data volumes move to another EBS tier in place. The StatefulSet's claim template
  // cannot change, so each replica's claim is written with the EBS CSI driver's modify annotations.
  let tierChanges: Record<string, Record<string, string>> | undefined;
  if (v.volumeTier) {
    const tier: Record<string, string> = { 'ebs.csi.aws.com/type': v.volumeTier.volumeType ?? sc.volumeType };
    if (v.volumeTier.iops !== undefined) tier['ebs.csi.aws.com/iops'] = String(v.volumeTier.iops);
    if (v.volumeTier.throughput !== undefined) tier['ebs.csi.aws.com/throughput'] = String(v.volumeTier.throughput);
    tierChanges = { data: tier };
    claimNames.data.forEach((claim, i) => new k8s.KubePersistentVolumeClaim(scope, `tier-data-${i}`, {
      metadata: { name: claim, namespace, labels: selector, annotations: { ...tier, ...keep } },
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Filesystem',
        resources: { requests: { storage: q(v.persistence.size) } },
        storageClassName: sc.name,
      },
    }));
  }
  const out: Record<string, Outputs> = {};
  out[name] = { kind: 'StatefulAIApp', namespace, statefulSet: name, service: name, replicas, claims: claimNames, storageClass: sc.name };
  if (replicas > 1) {
    out[name].podDisruptionBudget = name;
  }
  if (tierChanges) {
    out[name].tierChanges = tierChanges;
  }
  if (v.snapshotClass) {
    // Backups by CSI volume snapshots of the data claims. The class is the external-snapshotter's CRD, which the
    // k8s module does not hold: a plain ApiObject.
    const deletionPolicy: string = v.snapshotClass.deletionPolicy ?? 'Delete';
    new ApiObject(chart, 'snapshot-class', {
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshotClass',
      metadata: { name: v.snapshotClass.name, annotations: keepAnnotations(v, deletionPolicy) },
      driver: 'ebs.csi.aws.com',
      deletionPolicy,
    });
    out[v.snapshotClass.name] = { kind: 'VolumeSnapshotClass', driver: 'ebs.csi.aws.com', deletionPolicy };
  }
  return out;
}

/** feature-pipeline: one DataPipelineStorage for every volume, with the props FeaturePipelineApp gives it. */
function featurePipeline(chart: Chart, v: Values): Record<string, Outputs> {
  const namespace: string = v.namespace;
  const scope = new Construct(chart, 'feature-pipeline');
  const sc = storageClassOf(v);
  addEbsStorageClass(scope, 'storage-class', sc, v);
  // Each volume: a PersistentVolume on an existing volume, bound to exactly one claim of that name.
  const pipelineVolume = (name: string, size: string, accessModes: string[], className: string, reclaimPolicy: string,
    source: Pick<k8s.PersistentVolumeSpec, 'csi' | 'nodeAffinity'>): Outputs => {
    const pvName = `${namespace}-${name}`;
    const lbl = labels(name, 'pipeline-storage', 'feature-pipeline');
    const keep = keepAnnotations(v, reclaimPolicy);
    const volume = new Construct(scope, name);
    new k8s.KubePersistentVolume(volume, 'pv', {
      metadata: { name: pvName, labels: lbl, annotations: keep },
      spec: {
        capacity: { storage: q(size) },
        accessModes,
        volumeMode: 'Filesystem',
        persistentVolumeReclaimPolicy: reclaimPolicy,
        storageClassName: className,
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name },
        ...source,
      },
    });
    new k8s.KubePersistentVolumeClaim(volume, 'pvc', {
      metadata: { name, namespace, labels: lbl, annotations: keep },
      spec: {
        accessModes,
        volumeMode: 'Filesystem',
        storageClassName: className,
        volumeName: pvName,
        resources: { requests: { storage: q(size) } },
      },
    });
    return { accessModes, claim: name, persistentVolume: pvName, readOnly: false, storageClass: className };
  };
  const volumes: Record<string, Outputs> = {};
  const storageClasses = [sc.name];
  const dataset: Values | undefined = v.sharedDataset;
  if (dataset) {
    // The training datasets: ReadWriteMany on an existing EFS access point (no parameters: nothing is provisioned).
    const efsClass: string = dataset.storageClass.name;
    const reclaimPolicy: string = dataset.storageClass.reclaimPolicy ?? 'Retain';
    new k8s.KubeStorageClass(scope, 'datasets-storage-class', {
      metadata: { name: efsClass, annotations: keepAnnotations(v, reclaimPolicy) },
      provisioner: 'efs.csi.aws.com',
      reclaimPolicy,
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: false,
    });
    storageClasses.push(efsClass);
  }
  for (const vol of v.volumes as Values[]) {
    volumes[vol.name] = pipelineVolume(vol.name, vol.persistence.size, ['ReadWriteOnce'], sc.name, sc.reclaimPolicy, {
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: vol.volumeId, fsType: 'ext4' },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [vol.zone] }] }],
        },
      },
    });
  }
  if (dataset) {
    volumes[dataset.name] = pipelineVolume(dataset.name, dataset.persistence.size, ['ReadWriteMany'], dataset.storageClass.name,
      dataset.storageClass.reclaimPolicy ?? 'Retain', { csi: { driver: 'efs.csi.aws.com', volumeHandle: dataset.existingVolume } });
  }
  return { 'feature-pipeline': { kind: 'DataPipelineStorage', namespace, storageClasses, volumes } };
}

/** JSON as the Java synth writes it: keys sorted at every level, two-space indent. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sorted);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map(k => [k, sorted((value as Values)[k])]));
  }
  return value;
}

function main(): void {
  const t0 = process.hrtime.bigint();
  const [root, out] = process.argv.slice(2);
  const appsDir = path.join(root, 'apps');
  const names = fs.readdirSync(appsDir).filter(n => fs.existsSync(path.join(appsDir, n, 'values.yaml'))).sort();
  const files: Array<[string, string]> = [];
  const outputs: Record<string, unknown> = {};
  let kustomization = `# Generated: every manifest of environment '${ENV}'.\n`
    + `# Target: Kubernetes 1.28 (the default: no environments/${ENV}.yaml).\n`
    + `# Apply with 'kubectl apply -k dist/${ENV}' or point a GitOps engine at this folder.\n`
    + 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n';
  for (const name of names) {
    const values = load(path.join(appsDir, name));
    const app = new App();
    const chart = new Chart(app, name, { disableResourceNameHashes: true });
    outputs[name] = name.startsWith('vector-db-') ? vectorDb(chart, values) : featurePipeline(chart, values);
    const header = `# Generated from apps/${name} (values.yaml, values-${ENV}.yaml). Do not edit: change the values or the code and run bin/ai-storage synth.\n`;
    files.push([`${name}.yaml`, header + app.synthYaml()]);
    kustomization += `  - ${name}.yaml\n`;
  }
  files.push(['Kustomization', kustomization]);
  files.push(['outputs.json', JSON.stringify(sorted({ environment: ENV, apps: outputs }), null, 2) + '\n']);
  const t1 = process.hrtime.bigint();
  const envDir = path.join(out, ENV);
  fs.rmSync(envDir, { recursive: true, force: true });
  fs.mkdirSync(envDir, { recursive: true });
  let bytes = 0;
  for (const [f, content] of files) {
    fs.writeFileSync(path.join(envDir, f), content);
    bytes += Buffer.byteLength(content);
  }
  const t2 = process.hrtime.bigint();
  console.log(JSON.stringify({
    units: names.length,
    synthMs: Number((t1 - t0) / 1000000n),
    writeMs: Number((t2 - t1) / 1000000n),
    bytes,
    processes: [{ role: 'node', pid: process.pid, vmHwmKib: process.resourceUsage().maxRSS, nodeVmHwmKib: 0, units: names.length }],
  }));
}

main();
