'use strict';
// The storage safety gate as a cdk8s validation plugin. The cdk8s CLI (cdk8s-cli lib/plugins/validation.js)
// loads this module from the repository (cdk8s.yaml: validations: package: ./tools/cdk8s-validation), creates
// AiStorageGate with the declared properties and calls validate(context) after every synth unless --no-validate.
// It runs `bin/ai-storage check --format json` on the folder the manifests were written to, turns each finding
// into a violation, and names the construct behind each object when the synth recorded construct metadata
// (CDK8S_RECORD_CONSTRUCT_METADATA: the synth writes construct-metadata.json, keyed as `resource` below).
const { spawnSync } = require('child_process');
const path = require('path');

class AiStorageGate {
  /**
   * @param {object} props
   * @param {string|string[]} [props.command] the gate's command, relative to the folder cdk8s runs in (default bin/ai-storage),
   *                                   or the command and its first arguments (e.g. java, -cp, ..., dev.statefulai.cli.Main)
   * @param {string[]} [props.args]    more arguments for `check`, e.g. ["--policy", "policy.yaml"]
   * @param {string} [props.ref]       the git ref to compare with (default: what `check` picks: the merge base or parent commit;
   *                                   none when the manifests are outside the repository, as with --stdout)
   */
  constructor(props = {}) {
    this.command = [].concat(props.command || 'bin/ai-storage');
    this.args = props.args || [];
    this.ref = props.ref;
  }

  async validate(context) {
    const dist = outputFolder(context.manifests);
    if (!dist) {
      context.logger.log('ai-storage check: no manifests to check');
      context.report.submit('success');
      return;
    }
    const inRepository = !path.relative(process.cwd(), dist).startsWith('..');
    const ref = this.ref !== undefined ? this.ref : inRepository ? undefined : '';
    const args = ['check', '--dist', dist, '--format', 'json', ...(ref === undefined ? [] : ['--ref', ref]), ...this.args];
    const [program, ...leading] = this.command;
    const run = spawnSync(program, [...leading, ...args], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error) {
      throw new Error(`ai-storage check could not run (${program}): ${run.error.message}`);
    }
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`ai-storage check failed (exit ${run.status}): ${(run.stderr || '').trim()}`);
    }
    const report = JSON.parse(run.stdout);
    for (const [ruleId, findings] of byRule(report.findings.filter((f) => !f.waived))) {
      const rule = report.rules[ruleId] || {};
      context.report.addViolation({
        ruleName: `${ruleId} (${findings[0].severity})`,
        recommendation: rule.description || ruleId,
        fix: 'change the values or the code and synthesize again, or waive it on the object: ai-storage.dev/waive-'
          + `${ruleId}: "<why>" (rules that mirror the API server cannot be waived); bin/ai-storage check --list-rules`,
        violatingResources: findings.map((f) => ({
          resourceName: f.resource ? resourceKey(f.environment, f.resource) : `${f.environment}/${f.object.kind}/${f.object.name}`,
          locations: [f.message + (f.migration ? ` How to roll it out: ${f.migration}` : '')],
          manifestPath: f.file ? path.resolve(f.file) : dist,
        })),
      });
    }
    const { errors, warnings, waived } = report.summary;
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      errors: String(errors),
      warnings: String(warnings),
      waived: String(waived),
      targets: Object.entries(report.targets || {})
        .map(([env, t]) => `${env} ${t.kubernetesVersion}${t.featureGates.length ? ' +' + t.featureGates.join('+') : ''}`).join(', '),
    });
  }
}

/** The folder every manifest's environment folder is in: <output>/<env>/<app>.yaml. */
function outputFolder(manifests) {
  const folders = [...new Set(manifests.map((m) => path.dirname(path.dirname(path.resolve(m)))))];
  if (folders.length > 1) {
    throw new Error(`ai-storage check: the manifests are not in one output folder: ${folders.join(', ')}`);
  }
  return folders[0];
}

/** How the synth keys construct-metadata.json: environment, kind, namespace as written ('' for none), name. */
function resourceKey(environment, resource) {
  return `${environment}/${resource.kind}/${resource.namespace}/${resource.name}`;
}

function byRule(findings) {
  const groups = new Map();
  for (const f of findings) {
    if (!groups.has(f.rule)) groups.set(f.rule, []);
    groups.get(f.rule).push(f);
  }
  return groups;
}

module.exports = { AiStorageGate, resourceKey };
