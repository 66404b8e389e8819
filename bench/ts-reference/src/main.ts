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
import { App, Chart } from 'cdk8s';
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

interface StorageClass { name: string; volumeType: string; encrypted: boolean; reclaimPolicy: string }

function storageClassOf(v: Values): StorageClass {
  const sc = v.storageClass ?? {};
  return { name: sc.name, volumeType: sc.volumeType ?? 'gp3', encrypted: sc.encrypted ?? true, reclaimPolicy: sc.reclaimPolicy ?? 'Retain' };
}

function addStorageClass(scope: Construct, sc: StorageClass): void {
  new k8s.KubeStorageClass(scope, 'storage-class', {
    metadata: { name: sc.name },
    provisioner: 'ebs.csi.aws.com',
    reclaimPolicy: sc.reclaimPolicy,
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    parameters: { 'csi.storage.k8s.io/fstype': 'ext4', encrypted: String(sc.encrypted), type: sc.volumeType },
  });
}

/** vector-db: the StatefulAIApp of the Java app, with the props VectorDbApp gives it. */
function vectorDb(chart: Chart, v: Values): Record<string, Outputs> {
  const name = 'vector-db';
  const scope = new Construct(chart, name);
  const namespace: string = v.namespace;
  const replicas: number = v.replicas ?? 1;
  const sc = storageClassOf(v);
  const lbl = labels(name, 'vector-database', 'ai-platform');
  const selector = { 'app.kubernetes.io/name': name };
  const meta = { name, labels: lbl, namespace };
  const ports = [['http', 6333], ['grpc', 6334], ['p2p', 6335]] as const;
  const claims: Array<[string, string, string]> = [['data', '/qdrant/storage', v.persistence?.size]];
  if (v.snapshotPersistence) {
    claims.push(['snapshots', '/qdrant/snapshots', v.snapshotPersistence.size]);
  }
  const probe = (p: string, period: number): k8s.Probe => ({
    periodSeconds: period, timeoutSeconds: 5, failureThreshold: 3,
    httpGet: { path: p, port: k8s.IntOrString.fromNumber(6333) },
  });
  const memory: string = v.resources?.memory ?? '1Gi';

  addStorageClass(scope, sc);
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
    metadata: meta,
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
          containers: [{
            name,
            image: v.image,
            resources: {
              requests: { cpu: q(v.resources?.cpu ?? '500m'), memory: q(memory) },
              limits: { memory: q(memory) },
            },
            securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
            env: [{ name: 'QDRANT__CLUSTER__ENABLED', value: 'true' }],
            ports: ports.map(([n, p]) => ({ name: n, containerPort: p, protocol: 'TCP' })),
            volumeMounts: claims.map(([n, mountPath]) => ({ name: n, mountPath })),
            readinessProbe: probe('/readyz', 10),
            livenessProbe: probe('/livez', 20),
          }],
          securityContext: {
            runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000,
            fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' },
          },
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
  const out: Outputs = { kind: 'StatefulAIApp', namespace, statefulSet: name, service: name, replicas, claims: claimNames, storageClass: sc.name };
  if (replicas > 1) {
    out.podDisruptionBudget = name;
  }
  return { [name]: out };
}

/** feature-pipeline: one DataPipelineStorage per volume, with the props FeaturePipelineApp gives it. */
function featurePipeline(chart: Chart, v: Values): Record<string, Outputs> {
  const sc = storageClassOf(v);
  const volumes: Record<string, Outputs> = {};
  for (const vol of v.volumes as Values[]) {
    const name: string = vol.name;
    const namespace: string = v.namespace;
    const pvName = `${namespace}-${name}`;
    const lbl = labels(name, 'pipeline-storage', 'feature-pipeline');
    const scope = new Construct(chart, name);
    addStorageClass(scope, sc);
    new k8s.KubePersistentVolume(scope, 'pv', {
      metadata: { name: pvName, labels: lbl },
      spec: {
        capacity: { storage: q(vol.persistence.size) },
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Filesystem',
        persistentVolumeReclaimPolicy: sc.reclaimPolicy,
        storageClassName: sc.name,
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name },
        csi: { driver: 'ebs.csi.aws.com', volumeHandle: vol.volumeId, fsType: 'ext4' },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [vol.zone] }] }],
          },
        },
      },
    });
    new k8s.KubePersistentVolumeClaim(scope, 'pvc', {
      metadata: { name, namespace, labels: lbl },
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Filesystem',
        storageClassName: sc.name,
        volumeName: pvName,
        resources: { requests: { storage: q(vol.persistence.size) } },
      },
    });
    volumes[name] = { accessModes: ['ReadWriteOnce'], claim: name, persistentVolume: pvName, readOnly: false, storageClass: sc.name };
  }
  // One DataPipelineStorage named after the app holds every volume of the pipeline.
  return { 'feature-pipeline': { kind: 'DataPipelineStorage', namespace: v.namespace, storageClasses: [sc.name], volumes } };
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
