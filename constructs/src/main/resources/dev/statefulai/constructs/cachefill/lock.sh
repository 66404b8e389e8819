# A shared claim: every replica runs the fill, one takes the lock directory (mkdir is atomic) and
# fills, the others wait for its marker. The lock goes when the fill ends, by failure too.
lock="$FILL_TARGET/.ai-storage-fill.lock"
until mkdir "$lock" 2>/dev/null; do
  if filled; then exit 0; fi
  echo "another replica is filling $FILL_TARGET; waiting (if none is, remove $lock)"; sleep 15
done
trap 'rmdir "$lock" 2>/dev/null || true' EXIT
trap 'exit 143' TERM INT
if filled; then exit 0; fi
