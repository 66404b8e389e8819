#!/usr/bin/env node
// Regenerates definitions.json (beside this file) from the pinned npm package cdk8s-plus-28.
//
//   cd /work/main && npm ci            # installs cdk8s-plus-28 at the version pinned in package-lock.json
//   node gate/src/main/resources/k8s-schema-v1.28.0/generate.cjs [node_modules/cdk8s-plus-28]
//
// Why this source: no package on Maven Central or npm ships the Kubernetes 1.28 OpenAPI definitions
// verbatim. cdk8s-plus-28 embeds "k8s" types generated (by cdk8s import / json2jsii) from the exact
// Kubernetes v1.28.0 _definitions.json, and its jsii assembly (.jsii) keeps, for every struct and every
// property, the original definition name and JSON property name ("@schema io.k8s...#field"), whether
// the property is required (not "optional"), and its type. lib/imports/k8s.js holds each top-level
// kind's apiVersion/kind (GVK). This script turns that back into Swagger-2.0-style definitions with
// x-kubernetes-group-version-kind, the form ManifestSchemaValidator reads.
// Known losses of the round trip (see README.md): integer vs number (both "number"), definitions
// not reachable from a creatable kind, and top-level "status" (not in cdk8s props).
'use strict';
const fs = require('fs');
const path = require('path');

const EXPECTED_VERSION = '2.5.6';
const pkgDir = path.resolve(process.argv[2] || path.join(__dirname, '../../../../../node_modules/cdk8s-plus-28'));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'cdk8s-plus-28' || pkg.version !== EXPECTED_VERSION) {
  throw new Error(`expected cdk8s-plus-28@${EXPECTED_VERSION} in ${pkgDir}, found ${pkg.name}@${pkg.version}`);
}
const jsii = JSON.parse(fs.readFileSync(path.join(pkgDir, '.jsii'), 'utf8'));
const k8sJs = fs.readFileSync(path.join(pkgDir, 'lib/imports/k8s.js'), 'utf8');

const types = Object.fromEntries(Object.entries(jsii.types).filter(([, t]) => t.namespace === 'k8s'));
const schemaOf = (t) => t.docs && t.docs.custom && t.docs.custom.schema;

// Classes that are not API objects, and the enum, stand for definitions with a scalar wire form.
const SCALARS = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

function convertType(ty, where) {
  if (ty.primitive) {
    switch (ty.primitive) {
      case 'string': return { type: 'string' };
      case 'number': return { type: 'number' };
      case 'boolean': return { type: 'boolean' };
      case 'date': return { type: 'string', format: 'date-time' };
      case 'any': return {};
      case 'json': return {};
      default: throw new Error(`${where}: primitive ${ty.primitive}`);
    }
  }
  if (ty.collection) {
    const el = convertType(ty.collection.elementtype, where);
    if (ty.collection.kind === 'array') return { type: 'array', items: el };
    if (ty.collection.kind === 'map') return { type: 'object', additionalProperties: el };
    throw new Error(`${where}: collection ${ty.collection.kind}`);
  }
  if (ty.fqn) {
    const target = types[ty.fqn];
    if (!target) throw new Error(`${where}: unknown type ${ty.fqn}`);
    if (target.kind === 'enum') return { type: 'string', enum: target.members.map((m) => enumValue(target, m)) };
    const s = schemaOf(target);
    if (SCALARS[s]) return { $ref: `#/definitions/${s}` };
    if (target.kind !== 'interface') throw new Error(`${where}: reference to ${target.kind} ${ty.fqn}`);
    return { $ref: `#/definitions/${s}` };
  }
  if (ty.union) throw new Error(`${where}: union outside IntOrString/Quantity`);
  throw new Error(`${where}: unknown type ${JSON.stringify(ty)}`);
}

function enumValue(enumType, member) {
  // json2jsii keeps the wire value as the member summary ("DeleteOptions.")
  const summary = member.docs && member.docs.summary;
  if (!summary) throw new Error(`enum ${enumType.fqn} member ${member.name} without value`);
  return summary.replace(/\.$/, '');
}

// GVKs of the generated Kube* classes: KubeFoo.GVK = { apiVersion: 'g/v', kind: 'Foo', };
const gvkByClass = {};
for (const m of k8sJs.matchAll(/^(Kube\w+)\.GVK = \{\s*apiVersion: '([^']+)',\s*kind: '([^']+)',?\s*\};?/gm)) {
  gvkByClass[m[1]] = { apiVersion: m[2], kind: m[3] };
}

const definitions = {};
for (const [s, def] of Object.entries(SCALARS)) definitions[s] = { ...def };

for (const [fqn, t] of Object.entries(types)) {
  if (t.kind !== 'interface' || !t.datatype) continue;
  const name = schemaOf(t);
  if (!name || name.includes('#')) throw new Error(`${fqn}: no @schema`);
  const def = { type: 'object', properties: {} };
  const required = [];
  for (const p of t.properties || []) {
    const ps = schemaOf(p);
    if (!ps || !ps.startsWith(name + '#')) throw new Error(`${fqn}.${p.name}: @schema ${ps}`);
    const wire = ps.slice(name.length + 1);
    def.properties[wire] = convertType(p.type, `${fqn}.${p.name}`);
    if (!p.optional) required.push(wire);
  }
  const m = /^Kube(\w+)Props$/.exec(t.name);
  if (m) {
    const gvk = gvkByClass['Kube' + m[1]];
    if (!gvk) throw new Error(`${fqn}: no GVK for Kube${m[1]}`);
    // cdk8s sets apiVersion and kind itself, so they are not in the props. As upstream, they are plain
    // optional strings here: the definition is also used for embedded objects (volumeClaimTemplates),
    // and a top-level object's apiVersion/kind are what selects its definition in the first place.
    def.properties.apiVersion = { type: 'string' };
    def.properties.kind = { type: 'string' };
    const slash = gvk.apiVersion.indexOf('/');
    def['x-kubernetes-group-version-kind'] = [{
      group: slash < 0 ? '' : gvk.apiVersion.slice(0, slash),
      version: slash < 0 ? gvk.apiVersion : gvk.apiVersion.slice(slash + 1),
      kind: gvk.kind,
    }];
  }
  if (required.length) def.required = required;
  if (definitions[name]) {
    // The same definition reached twice (e.g. props and data type): must agree.
    if (JSON.stringify(definitions[name]) !== JSON.stringify(def)) {
      throw new Error(`conflicting definitions for ${name} (${fqn})`);
    }
  }
  definitions[name] = def;
}

const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
const out = {
  'x-source': {
    package: `npm:cdk8s-plus-28@${pkg.version}`,
    integrity: 'see package-lock.json',
    kubernetes: '1.28.0',
    generator: 'generate.cjs',
  },
  definitions: sorted,
};
const target = path.join(__dirname, 'definitions.json');
fs.writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(sorted).length} definitions (${Object.keys(gvkByClass).length} kinds) to ${target}`);
