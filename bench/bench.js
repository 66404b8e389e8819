// Orchestrates bench/run: one fresh process per measurement, wall time measured around the whole
// process (JVM or node start-up included), figures printed by each side as one JSON line.
// Every Java run starts as bin/ai-storage would start its command: with the flags bin/lib/jvm.sh gives it
// (a synth's depend on its number of units) after the class-data archive bench/run makes
// (BENCH_ARCHIVE_OPTS); BENCH_JAVA_OPTS, or BENCH_WATCH_JAVA_OPTS in watch mode, replaces them all. The
// TypeScript side is plain node.
'use strict';
const { spawn, spawnSync } = require('child_process');
const readline = require('readline');
const fs = require('fs');
const path = require('path');
const util = require('util');

const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
const NS = sizes.length ? sizes : [10, 100, 1000, 3000];
const work = path.resolve(process.env.BENCH_WORK || 'bench/target/work');
const jobs = process.env.BENCH_JOBS || '0';
const words = text => (text || '').split(/\s+/).filter(Boolean);
// The JVM flags of `bin/ai-storage <command...>` for a synth of `units` units (bin/lib/jvm.sh), after the archive's.
function javaOpts(units, ...command) {
  const own = command.includes('--watch') ? process.env.BENCH_WATCH_JAVA_OPTS || process.env.BENCH_JAVA_OPTS : process.env.BENCH_JAVA_OPTS;
  if (own) {
    return words(own);
  }
  const r = spawnSync('bash', ['-c', '. bin/lib/jvm.sh && command_java_opts "$@"', 'jvm.sh', String(units), ...command], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`bin/lib/jvm.sh: command_java_opts ${units} ${command.join(' ')} exited ${r.status}:\n${r.stderr}`);
  }
  return [...words(process.env.BENCH_ARCHIVE_OPTS), ...words(r.stdout)];
}
const cp = process.env.BENCH_CLASSPATH;
// Rounds per N: the file system of a shared machine stalls now and then (a create can take 1 ms
// instead of 0.03 ms), so each side runs this many times, alternating, and the median counts.
const runs = Math.max(1, Number(process.env.BENCH_RUNS || 3));

function timed(cmd, args) {
  // Deleted and written files of the previous run are flushed first, not charged to this one.
  spawnSync('sync');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  }
  const line = r.stdout.trim().split('\n').filter(l => l.startsWith('{')).pop();
  return { ms, figures: line ? JSON.parse(line) : null };
}
// FleetSynth `args` as bin/ai-storage synth of a fleet of n instances (one environment: n units) would run.
const java = (n, ...args) => timed('java', [...javaOpts(n, 'synth'), '-cp', cp, 'dev.statefulai.bench.FleetSynth', ...args]);
const ts = (...args) => timed('node', [path.join('bench', 'target', 'ts-reference', 'main.js'), ...args]);
const mib = kib => kib / 1024;
const f = (x, d = 2) => x.toFixed(d);
const peak = f => mib(f.processes.reduce((s, p) => s + p.vmHwmKib + p.nodeVmHwmKib, 0));

// The values file the incremental runs change (one instance's), and the change: k more replicas.
const changedValuesFile = fleet => path.join(fleet, 'apps', 'vector-db-t00000', 'values-prod.yaml');
const moreReplicas = (text, k) => text.replace(/^replicas: (\d+)$/m, (_, r) => `replicas: ${Number(r) + k}`);

// Watch mode (bin/ai-storage synth --watch): one JVM stays up; each change of one instance's values
// is timed from the write of the file to the watcher's line saying the re-synth is written.
async function watched(n, fleet, out, changes) {
  const child = spawn('java', [...javaOpts(n, 'synth', '--watch'), '-cp', cp, 'dev.statefulai.bench.FleetSynth', 'watch', fleet, out, '--jobs', jobs],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  let wake = null;
  let exited = null;
  readline.createInterface({ input: child.stdout }).on('line', l => {
    if (l.startsWith('{')) {
      lines.push(JSON.parse(l));
      if (wake) wake();
    }
  });
  child.on('exit', code => { exited = code; if (wake) wake(); });
  const next = async () => {
    const deadline = Date.now() + 60000;
    while (!lines.length) {
      if (exited !== null) throw new Error(`the watcher exited ${exited}`);
      if (Date.now() > deadline) throw new Error('no synth from the watcher within 60 s');
      await new Promise(resolve => { wake = resolve; setTimeout(resolve, 1000); });
      wake = null;
    }
    return lines.shift();
  };
  const values = changedValuesFile(fleet);
  const before = fs.readFileSync(values, 'utf8');
  const times = [];
  try {
    await next(); // the synth at start
    for (let i = 1; i <= changes; i++) {
      const t0 = process.hrtime.bigint();
      fs.writeFileSync(values, moreReplicas(before, i));
      const figures = await next();
      times.push({ ms: Number(process.hrtime.bigint() - t0) / 1e6, figures });
    }
  } finally {
    child.kill('SIGTERM');
    fs.writeFileSync(values, before);
  }
  return times;
}

// The same manifests on both sides: the same files (storage.md aside, the TypeScript side draws none),
// each read as data (every YAML document with YAML 1.1's types, as kubectl reads it, the Kustomization file too; JSON as JSON) and
// compared as trees, so key order, quoting style and comments do not count.
const YAML = require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] }));
function filesUnder(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap(e => {
    const name = path.join(rel, e.name);
    return e.isDirectory() ? filesUnder(dir, name) : e.name === 'storage.md' ? [] : [name];
  });
}
function asData(file) {
  const text = fs.readFileSync(file, 'utf8');
  // dist/<env>/Kustomization is YAML too (kustomize's file name without an extension).
  if (/\.ya?ml$/.test(file) || path.basename(file) === 'Kustomization') {
    return YAML.parseAllDocuments(text, { version: '1.1' }).map(doc => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS();
    });
  }
  return file.endsWith('.json') ? JSON.parse(text) : text;
}
function identical(a, b) {
  const names = [...new Set([...filesUnder(a), ...filesUnder(b)])].sort();
  const differ = names.filter(name => !fs.existsSync(path.join(a, name)) || !fs.existsSync(path.join(b, name))
    || !util.isDeepStrictEqual(asData(path.join(a, name)), asData(path.join(b, name))));
  return differ.length === 0 ? 'yes' : `NO (${differ.length} files differ: ${differ.slice(0, 5).join(', ')})`;
}

function main() {
  const outputs = path.join(work, 'out');
  fs.rmSync(outputs, { recursive: true, force: true });
  spawnSync('sync');
  const rows = [];
  // The run with the median wall time (its own figures: memory, phases, bytes).
  const median = xs => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor((xs.length - 1) / 2)];
  // Changes timed in watch mode per N (median reported).
  const watchChanges = Math.max(1, Number(process.env.BENCH_WATCH_CHANGES || 10));
  // The safety gate (bin/ai-storage check) on one environment of n PVs and n claims (GateFleet), timed as
  // a whole process, with the gate's own figure (parse, schema, binding proof, rules) from its last line.
  const gateSizes = (process.env.BENCH_GATE_SIZES ?? '1000 5000 10000').split(/\s+/).map(Number).filter(n => n > 0);
  function gateTable() {
    if (!gateSizes.length) {
      return;
    }
    const rows = [];
    for (const n of gateSizes) {
      const dist = path.join(work, `gate-${n}`);
      if (!fs.existsSync(path.join(dist, 'prod'))) {
        timed('java', [...javaOpts(0, 'check'), '-cp', cp, 'dev.statefulai.bench.GateFleet', dist, String(n)]);
      }
      const rounds = [];
      const checkOpts = javaOpts(0, 'check');
      for (let round = 0; round < runs; round++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync('java', [...checkOpts, '-cp', cp, 'dev.statefulai.cli.Main', 'check', '--dist', dist, '--ref', ''],
          { encoding: 'utf8', maxBuffer: 64 << 20 });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const last = r.stdout.trim().split('\n').pop();
        const m = /^check: (\d+) error\(s\), (\d+) warning.*, ([\d.]+) s$/.exec(last);
        if (r.status !== 0 || !m) {
          throw new Error(`check of ${dist} exited ${r.status}:\n${r.stderr}\n${r.stdout.slice(-2000)}`);
        }
        rounds.push({ ms, gateS: Number(m[3]), errors: m[1], warnings: m[2] });
      }
      const g = median(rounds);
      rows.push({ n, ...g });
      process.stderr.write(`[bench] gate N=${n}: ${rounds.map(x => (x.ms / 1000).toFixed(2)).join(' ')} s\n`);
    }
    console.log('\nSafety gate (check) on one environment of N PersistentVolumes and N claims (GateFleet):\n');
    console.log('| PVs + claims | whole command (s) | inside the gate (s) | errors, warnings |');
    console.log('|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.n} + ${r.n} | ${f(r.ms / 1000)} | ${f(r.gateS)} | ${r.errors}, ${r.warnings} |`);
    }
  }

  (async () => {
  for (const n of NS) {
    const fleet = path.join(work, `fleet-${n}`);
    if (!fs.existsSync(path.join(fleet, 'apps'))) {
      fs.mkdirSync(fleet, { recursive: true });
      java(n, 'generate', fleet, String(n));
    }
    const js = [], tss = [], incs = [];
    let same;
    for (let round = 0; round < runs; round++) {
      // Fresh folders every round, removed only after the last measurement: deleting thousands of
      // files makes the file system slow for a while, which would be charged to whoever runs next.
      const jOut = path.join(outputs, `java-${n}-${round}`);
      const tOut = path.join(outputs, `ts-${n}-${round}`);
      // Full synth (records the incremental state, like bin/ai-storage synth) and the reference, in turns first: the
      // second of two back-to-back runs on this machine tends to be the faster (bench/README.md, "JVM flags").
      if (round % 2 === 0) {
        js.push(java(n, 'synth', fleet, jOut, '--jobs', jobs, '--incremental'));
        tss.push(ts(fleet, tOut));
      } else {
        tss.push(ts(fleet, tOut));
        js.push(java(n, 'synth', fleet, jOut, '--jobs', jobs, '--incremental'));
      }
      same = identical(jOut, tOut);
      // Incremental: one instance's values change, the synth runs again.
      const values = changedValuesFile(fleet);
      const before = fs.readFileSync(values, 'utf8');
      fs.writeFileSync(values, moreReplicas(before, 1));
      try {
        incs.push(java(n, 'synth', fleet, jOut, '--jobs', jobs, '--incremental'));
      } finally {
        fs.writeFileSync(values, before);
      }
    }
    // Watch mode on the last round's output folder (its state matches the fleet as it is).
    const watches = await watched(n, fleet, path.join(outputs, `java-${n}-${runs - 1}`), watchChanges);
    const j = median(js), t = median(tss), inc = median(incs), watch = median(watches);
    const javaBytes = j.figures.bytes;
    rows.push({
      n, j, t, inc, watch,
      javaMiB: peak(j.figures), tsMiB: peak(t.figures),
      javaProcs: j.figures.processes.length,
      same,
      javaBytes, tsBytes: t.figures.bytes,
    });
    const secs = xs => xs.map(x => (x.ms / 1000).toFixed(2)).join(' ');
    process.stderr.write(`[bench] N=${n}: java ${(j.ms / 1000).toFixed(2)} s (rounds: ${secs(js)}; write ms: `
      + `${js.map(x => x.figures.writeMs).join(' ')}), ts ${(t.ms / 1000).toFixed(2)} s (rounds: ${secs(tss)}; write ms: `
      + `${tss.map(x => x.figures.writeMs).join(' ')}); incremental ${secs(incs)}; watch ms: `
      + `${watches.map(x => f(x.ms, 0)).join(' ')}\n`);
  }

  console.log('| N | Java wall (s) | Java ms/instance | TS wall (s) | TS ms/instance | Java/TS | Java peak RSS, JVM+node (MiB) | TS peak RSS (MiB) | bytes written Java (manifests + outputs / all) | bytes written TS | same manifests | incremental re-synth, 1 instance changed (s) | incremental/full | re-synth in watch mode (s) | watch/full |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.n} | ${f(r.j.ms / 1000)} | ${f(r.j.ms / r.n)} | ${f(r.t.ms / 1000)} | ${f(r.t.ms / r.n)} | ${f(r.j.ms / r.t.ms)}x `
      + `| ${f(mib(r.j.figures.processes.reduce((s, p) => s + p.vmHwmKib, 0)), 0)}+${f(mib(r.j.figures.processes.reduce((s, p) => s + p.nodeVmHwmKib, 0)), 0)} = ${f(r.javaMiB, 0)} (${r.javaProcs} JVM${r.javaProcs > 1 ? 's' : ''}) `
      + `| ${f(r.tsMiB, 0)} | ${r.javaBytes.manifests} / ${r.javaBytes.all} | ${r.tsBytes} | ${r.same} `
      + `| ${f(r.inc.ms / 1000)} (${r.inc.figures.synthesized} synthesized, ${r.inc.figures.reused} reused) | ${f(100 * r.inc.ms / r.j.ms, 1)}% `
      + `| ${f(r.watch.ms / 1000, 3)} (${r.watch.figures.synthesized} synthesized) | ${f(100 * r.watch.ms / r.j.ms, 1)}% |`);
  }
  const at = n => rows.find(r => r.n === n);
  if (at(1000) && at(3000)) {
    console.log(`\ntime(3000)/time(1000): Java ${f(at(3000).j.ms / at(1000).j.ms)}, TS ${f(at(3000).t.ms / at(1000).t.ms)}`);
  }
  console.log(`\nJava phases (ms, inside the JVM): ${rows.map(r => `N=${r.n}: prepare ${r.j.figures.prepareMs}, synth ${r.j.figures.synthMs}, write ${r.j.figures.writeMs}`).join('; ')}`);
  gateTable();
  })().catch(e => { console.error(e); process.exit(1); });
}

if (require.main === module) {
  main();
} else {
  module.exports = { identical };
}
