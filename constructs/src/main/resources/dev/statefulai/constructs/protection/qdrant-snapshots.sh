# Consistent backups of one Qdrant node through its own HTTP API (https://qdrant.tech/documentation/concepts/snapshots/),
# run by Velero in the Qdrant container as a backup hook: bash -c '<this script>' qdrant-snapshots create|prune PORT.
#   create: a snapshot of every collection on this node (POST /collections/{name}/snapshots?wait=true), written to the
#           node's snapshots directory, so that the volume snapshot taken next holds a consistent copy of each;
#   prune:  after the backup, all but the newest snapshot of each collection are deleted
#           (DELETE /collections/{name}/snapshots/{snapshot}), so the snapshots volume does not fill up.
# The Qdrant image has neither curl nor wget: requests go over bash's /dev/tcp, as HTTP/1.0 (no chunked answers).
# A node with an API key (QDRANT__SERVICE__API_KEY) is sent it in the api-key header, as Qdrant reads it.
set -euo pipefail
mode="$1"
port="$2"
case "$mode" in
  create | prune) ;;
  *) echo "qdrant-snapshots: mode create or prune, not $mode" >&2; exit 2 ;;
esac
call() {
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  key=""
  if [ -n "${QDRANT__SERVICE__API_KEY:-}" ]; then key="api-key: $QDRANT__SERVICE__API_KEY"$'\r\n'; fi
  printf '%s %s HTTP/1.0\r\nHost: localhost\r\n%sContent-Length: 0\r\n\r\n' "$1" "$2" "$key" >&3
  response=$(cat <&3)
  exec 3<&-
  # The status from the first line by parameter expansion: a pipe into head would end the writer with SIGPIPE
  # whenever head exits first, which pipefail turns into a failed hook (exit 141), the more likely the larger the answer.
  status=${response%%$'\n'*}
  status=${status#* }
  status=${status%% *}
  if [ "$status" != 200 ]; then
    echo "qdrant-snapshots: $1 $2 answered ${status:-nothing}" >&2
    return 1
  fi
  printf '%s\n' "${response#*$'\r\n\r\n'}"
}
names() { grep -o '"name":"[^"]*"' | cut -d '"' -f 4 || true; }
collections=$(call GET /collections | names)
for collection in $collections; do
  case "$mode" in
    create)
      call POST "/collections/$collection/snapshots?wait=true" > /dev/null
      echo "qdrant-snapshots: snapshot of $collection taken" ;;
    prune)
      snapshots=$(call GET "/collections/$collection/snapshots" | names | sort)
      for snapshot in $(printf '%s\n' "$snapshots" | sed '$d'); do
        call DELETE "/collections/$collection/snapshots/$snapshot?wait=true" > /dev/null
        echo "qdrant-snapshots: deleted $snapshot"
      done ;;
  esac
done
