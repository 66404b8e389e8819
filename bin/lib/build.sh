# Sourced by bin/ai-storage and bench/run: what their Maven builds leave out. They run the command line (and the
# bench), so the tests' own modules (dist-tests, the cdk8s CLI's npm install) and the construct reference (docs:
# Javadoc) are left to ./mvnw verify: about 2 s of each compile of bin/ai-storage, 4 s of the bench's.

# runtime_only_modules: the -pl value that leaves them out, naming only those that are there (Maven refuses to
# leave out a module it does not have); empty when none is.
runtime_only_modules() {
  local module skipped=""
  for module in dist-tests cdk8s-cli docs; do
    if [ -f "$module/pom.xml" ]; then skipped="$skipped${skipped:+,}!$module"; fi
  done
  printf '%s' "$skipped"
}
