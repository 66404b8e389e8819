# HTTP(S), a .tar archive: downloaded beside the marker, unpacked into the target, removed.
download="$FILL_TARGET/.ai-storage-fill.download"
curl -fSL --retry 5 --retry-connrefused ${FILL_HTTP_AUTHORIZATION:+-H "Authorization: $FILL_HTTP_AUTHORIZATION"} -o "$download" "$FILL_SOURCE"
tar -xf "$download" -C "$FILL_TARGET"
rm -f "$download"
