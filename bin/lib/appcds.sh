# Sourced by bin/ai-storage and bench/run: Java 17 dynamic AppCDS, a class-data archive that lets a
# JVM map the classes a training run loaded instead of loading and verifying them again (0.1 to 0.2 s
# of a synth's start-up). A training run is `java -XX:ArchiveClassesAtExit=<tmp> ...`; later runs add
# `-XX:SharedArchiveFile=<archive>`. The class path must hold jar files only: the JVM refuses to dump
# with a non-empty directory on it. An archive that no longer matches (a jar or the JDK changed) is
# ignored by the JVM, which runs as fast as without one; the callers make a new one first when
# appcds_stale says so.

# Keeps CDS quiet: dumping warns on stdout about classes it skips, and a run with an archive that no
# longer matches warns on stdout too.
APPCDS_QUIET="-Xlog:cds=off -Xlog:cds+dynamic=off"

# appcds_stale ARCHIVE CLASSPATH [FILE...]: true when ARCHIVE is missing, or when a class path entry, a
# FILE (a build stamp, the class path file) or the JDK of `java` (release, lib/modules, lib/server:
# libjvm.so and the base archive the dynamic one sits on) changed after it was made. Status change
# times (-cnewer), so that a JDK package installed with older file dates still counts.
appcds_stale() {
  local archive=$1 cp=$2 entries jdk
  shift 2
  [ -e "$archive" ] || return 0
  IFS=: read -r -a entries <<< "$cp"
  # the JDK of `java`: $JDK/bin/java with its links resolved (one fork: the path comes from bash's hash table)
  hash java 2>/dev/null || return 0
  jdk="$(readlink -f "${BASH_CMDS[java]}")"
  jdk="${jdk%/*}"
  jdk="${jdk%/*}"
  if [ -f "$jdk/release" ]; then
    set -- "$@" "$jdk/release" "$jdk/lib/modules" "$jdk/lib/server"
  fi
  [ -n "$(find "${entries[@]}" "$@" -cnewer "$archive" -print -quit 2>/dev/null)" ]
}

# appcds_install TMP ARCHIVE START STATUS: puts the archive a training run wrote to TMP in place (one
# rename, so a concurrent run sees the old archive or the new one), dated START, the training's start
# (date +%s.%N): a jar rebuilt during the training makes it stale. STATUS is the training's exit
# status; the JVM writes the archive at any exit, a failed synth's too. A training that wrote nothing
# or crashed (STATUS 128 or more) leaves an empty ARCHIVE, so that it is not tried again before the
# next build; callers pass -XX:SharedArchiveFile only for a non-empty archive. An interrupted training
# (SIGHUP, SIGINT: Ctrl-C, SIGTERM: the JVM exits 129, 130, 143) ends the caller with that status,
# whose EXIT trap removes what is left.
appcds_install() {
  local tmp=$1 archive=$2 start=$3 status=$4
  case "$status" in 129 | 130 | 143) exit "$status" ;; esac
  if [ "$status" -ge 128 ] || [ ! -s "$tmp" ]; then
    : > "$tmp"
  fi
  touch -d "@$start" "$tmp" && mv -f "$tmp" "$archive"
}
