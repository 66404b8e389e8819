#!/usr/bin/env bash
# The cdk8s CLI for the tests that run `cdk8s synth` (dist-tests' Cdk8sValidationPluginTest): the pinned npm
# packages of package-lock.json, installed once, when node_modules has no CLI yet. Run from the repository root by
# the cdk8s-cli module at the start of the build, and by dist-tests, where it finds the CLI installed unless dist-tests
# is built alone. --prefer-offline: packages already in npm's cache are not revalidated with the registry (the lock file
# pins each one's version and integrity hash); about 8 s instead of 11.
set -euo pipefail
[ -x node_modules/.bin/cdk8s ] || npm ci --prefer-offline --no-audit --no-fund --loglevel=error
