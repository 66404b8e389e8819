#!/usr/bin/env node
// Regenerates the gate's Kubernetes definitions, one folder per minor version:
// gate/src/main/resources/k8s-schema/v1.<minor>/definitions.json.
//
//   cd tools/k8s-schemas && npm ci       # the cdk8s-plus-NN packages pinned in package.json / package-lock.json
//   node generate.cjs                    # every pinned version; or name some: node generate.cjs 1.31 1.34
//
// Why this source: no package on Maven Central or npm ships the Kubernetes OpenAPI definitions of each
// minor verbatim. Each cdk8s-plus-NN package embeds "k8s" types generated (cdk8s import / json2jsii)
// from the Kubernetes v1.NN.0 _definitions.json (its cdk8s.yaml names the import, k8s@1.NN.0, which this
// script checks), and its jsii assembly (.jsii) keeps, for every struct and property, the original
// definition name and JSON property name ("@schema io.k8s...#field"), whether the property is required
// (not "optional"), and its type. lib/imports/k8s.js holds each top-level kind's apiVersion/kind (GVK).
// This script turns that back into Swagger-2.0-style definitions with x-kubernetes-group-version-kind,
// the form ManifestSchemaValidator reads. Nothing is downloaded: the packages come from node_modules,
// at the versions package-lock.json pins.
// Known losses of the round trip (see the README beside the definitions): integer vs number (both
// "number"), definitions not reachable from a creatable kind, and top-level "status" (not in cdk8s props).
'use strict';
const fs = require('fs');
const path = require('path');

const HERE = __dirname;
const OUT = path.resolve(HERE, '../../gate/src/main/resources/k8s-schema');
const pinned = JSON.parse(fs.readFileSync(path.join(HERE, 'package.json'), 'utf8')).devDependencies;
const minors = Object.keys(pinned).map((n) => /^cdk8s-plus-(\d+)$/.exec(n)).filter(Boolean).map((m) => Number(m[1])).sort((a, b) => a - b);
const wanted = process.argv.slice(2).map((v) => {
  const m = /^(?:v)?1\.(\d+)$/.exec(v);
  if (!m || !minors.includes(Number(m[1]))) {
    throw new Error(`unknown version ${v}: the pinned sources give ${minors.map((n) => '1.' + n).join(', ')}`);
  }
  return Number(m[1]);
});
for (const minor of wanted.length ? wanted : minors) {
  generate(minor);
}

function generate(minor) {
  const name = `cdk8s-plus-${minor}`;
  const pkgDir = path.join(HERE, 'node_modules', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.version !== pinned[name]) {
    throw new Error(`expected ${name}@${pinned[name]} in ${pkgDir}, found ${pkg.version}: run npm ci in ${HERE}`);
  }
  const kubernetes = `1.${minor}.0`;
  const imports = [...fs.readFileSync(path.join(pkgDir, 'cdk8s.yaml'), 'utf8').matchAll(/k8s@([0-9.]+)/g)].map((m) => m[1]);
  if (imports[imports.length - 1] !== kubernetes) {
    throw new Error(`${name}@${pkg.version} imports k8s@${imports[imports.length - 1]}, not k8s@${kubernetes}`);
  }
  const jsii = JSON.parse(fs.readFileSync(path.join(pkgDir, '.jsii'), 'utf8'));
  // Loading the module (it needs only the pinned cdk8s and constructs) reads each Kube* class's static GVK,
  // however the compiler laid the class out.
  const k8sModule = require(path.join(pkgDir, 'lib/imports/k8s.js'));

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

  // GVKs of the generated Kube* classes: KubeFoo.GVK = { apiVersion: 'g/v', kind: 'Foo' }
  const gvkByClass = {};
  for (const [className, value] of Object.entries(k8sModule)) {
    if (className.startsWith('Kube') && value && value.GVK) {
      gvkByClass[className] = { apiVersion: value.GVK.apiVersion, kind: value.GVK.kind };
    }
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
      package: `npm:${name}@${pkg.version}`,
      integrity: 'see tools/k8s-schemas/package-lock.json',
      kubernetes,
      generator: 'tools/k8s-schemas/generate.cjs',
    },
    definitions: sorted,
  };
  const target = path.join(OUT, `v1.${minor}`, 'definitions.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
  console.log(`Kubernetes ${kubernetes}: ${Object.keys(sorted).length} definitions (${Object.keys(gvkByClass).length} kinds) from ${name}@${pkg.version} to ${path.relative(process.cwd(), target)}`);
}
