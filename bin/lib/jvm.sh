# Sourced by bin/ai-storage and bench/run (and through it bench.js): the JVM flags of each command, in one place.
# bench/README.md ("JVM flags") has the measurements behind each.

# A synth of at least this many units (app and environment pairs) compiles its code sooner; see command_java_opts.
LARGE_SYNTH_UNITS=500

# command_java_opts UNITS ARGS...: prints the JVM flags for `bin/ai-storage ARGS...`; UNITS is about how many units
# a synth makes (synth_units), 0 when not known. The flags are read by word splitting: none holds a space.
command_java_opts() {
  local units=$1 opts
  shift
  # The serial collector and the C1 compiler alone: a command runs for seconds, and G1's or C2's threads would take
  # the cores from it (a fleet synth's time halves, and its memory).
  opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -Xmx512m"
  case "${1:-} $* " in
    # synth --watch stays up: the optimizing compiler pays off, and a 256 MiB starting heap spares a large fleet's
    # re-synth a full collection each time (about 30% less time).
    "synth "*" --watch "*) opts="-XX:+UseSerialGC -Xms256m -Xmx512m" ;;
    "synth "*)
      # A one-shot synth allocates most of what it renders at once: a 128 MiB starting heap spares a fleet the young
      # collections of a heap that grows from 32 MiB (synth phase 5-8% shorter at 1,000 and 3,000 instances).
      opts="${opts/-Xms32m/-Xms128m}"
      # A large fleet runs the same code for every unit: compiled after a tenth of the usual calls, it leaves the
      # interpreter sooner (a synth of 1,000 units 10-20% shorter, of 3,000 as much). A small one would pay for
      # compiling code it runs a few times (100 units: 5-10% longer); 400 units is about even.
      if [ "$units" -ge "$LARGE_SYNTH_UNITS" ]; then opts="$opts -XX:CompileThresholdScaling=0.1"; fi
      ;;
  esac
  # On two cores or fewer, one compiler thread instead of two: the synth's threads take every core, and a second
  # compiler thread takes from them more than it gives (synth of 10, 100 and 1,000 units 5-9% shorter). (synth
  # --watch's tiered compilation needs two.)
  case "$opts" in *"-XX:TieredStopAtLevel=1"*) if [ "$(cores)" -le 2 ]; then opts="$opts -XX:CICompilerCount=1"; fi ;; esac
  # Transparent huge pages, when the kernel gives them on request: a command touches its heap once, and 2 MiB pages
  # cost it a page fault where 4 KiB pages cost 512 (5-10% of a synth, at any size). Asked for only when the kernel
  # offers them (`madvise` or `always`), since a JVM asked for what the kernel lacks prints a warning.
  if transparent_huge_pages; then opts="$opts -XX:+UseTransparentHugePages"; fi
  printf '%s' "$opts"
}

# cores: the processors this process may run on (nproc; getconf where coreutils are missing; 1 when neither tells).
cores() {
  nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || printf '1'
}

# transparent_huge_pages: true when the kernel gives transparent huge pages to a process that asks.
transparent_huge_pages() {
  local mode=""
  [ -r /sys/kernel/mm/transparent_hugepage/enabled ] || return 1
  read -r mode < /sys/kernel/mm/transparent_hugepage/enabled || true
  case "$mode" in *"[madvise]"* | *"[always]"*) return 0 ;; *) return 1 ;; esac
}

# synth_units ROOT: about the units a synth of ROOT makes: its apps' values-<env>.yaml files (an app makes a unit
# for each environment it has a file for), found by the shell's own file name expansion.
synth_units() {
  local files=("$1"/apps/*/values-*.yaml)
  if [ -e "${files[0]}" ]; then printf '%s' "${#files[@]}"; else printf '0'; fi
}

# root_of ARGS...: the --root a command's ARGS name, or . when none does (or names the empty path, as Java reads it).
root_of() {
  local root="."
  while [ $# -gt 0 ]; do
    case "$1" in
      --root) if [ $# -gt 1 ]; then root=$2; shift; fi ;;
      --root=*) root=${1#--root=} ;;
      --) break ;;
    esac
    shift
  done
  printf '%s' "${root:-.}"
}
