#!/usr/bin/env bash
# Makes org.cdk8s:cdk8s-plus-28:<version> resolvable from the local Maven repository.
# Cheap when it already is (one file test); otherwise tries the configured registries, and only
# then builds the artifact from the npm package pinned in package-lock.json with jsii-pacmak.
# Usage: ensure-cdk8s-plus-28.sh VERSION LOCAL_REPO MVN   (run from the repository root)
set -euo pipefail
version="$1" local_repo="$2" mvn="$3"
coords="org.cdk8s:cdk8s-plus-28:${version}"
jar="${local_repo}/org/cdk8s/cdk8s-plus-28/${version}/cdk8s-plus-28-${version}.jar"

[ -f "$jar" ] && exit 0

# Maven runs here outside the project, so that a half-written reactor cannot get in its way.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "[bootstrap] ${coords} is not in ${local_repo}; asking the configured registries"
if (cd "$work" && "$mvn" -q -B -Dmaven.repo.local="$local_repo" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get -Dartifact="$coords" -Dtransitive=false >/dev/null 2>&1); then
  echo "[bootstrap] resolved ${coords} from a registry"
  exit 0
fi

pinned=$(node -p "require('./package-lock.json').packages['node_modules/cdk8s-plus-28'].version")
if [ "$pinned" != "$version" ]; then
  echo "[bootstrap] package-lock.json pins cdk8s-plus-28@${pinned}, the pom wants ${version}: make them agree" >&2
  exit 1
fi

echo "[bootstrap] building ${coords} from npm cdk8s-plus-28@${version} with jsii-pacmak (about a minute)"
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
npx --no-install jsii-pacmak node_modules/cdk8s-plus-28 --target java --outdir "$work/pacmak"
dir="$work/pacmak/java/org/cdk8s/cdk8s-plus-28/${version}"
cd "$work"
"$mvn" -q -B -Dmaven.repo.local="$local_repo" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file \
  -Dfile="$dir/cdk8s-plus-28-${version}.jar" \
  -DpomFile="$dir/cdk8s-plus-28-${version}.pom" \
  -Dsources="$dir/cdk8s-plus-28-${version}-sources.jar"
echo "[bootstrap] installed ${coords} into ${local_repo}"
