# End of every fill: the marker is written last, and by a rename, so that a fill that dies half-way
# leaves none and starts over.
printf '%s' "$FILL_ID" > "$marker.tmp"
mv "$marker.tmp" "$marker"
echo "filled $FILL_TARGET from $FILL_ID"
