# Start of every fill: stop at the first error or unset variable, and do nothing when the marker
# already holds this source's id (a restart, or another replica that filled a shared claim).
# Lines starting with '#' are comments of these resources and are left out of the script.
set -eu
marker="$FILL_TARGET/.ai-storage-fill"
filled() { [ "$(cat "$marker" 2>/dev/null)" = "$FILL_ID" ]; }
if filled; then echo "$FILL_TARGET already holds $FILL_ID"; exit 0; fi
