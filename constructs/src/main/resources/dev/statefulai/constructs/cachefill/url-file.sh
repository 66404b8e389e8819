# HTTP(S), one file: saved under a temporary name, renamed when complete. An Authorization header
# comes from a Secret as FILL_HTTP_AUTHORIZATION, when set.
curl -fSL --retry 5 --retry-connrefused ${FILL_HTTP_AUTHORIZATION:+-H "Authorization: $FILL_HTTP_AUTHORIZATION"} -o "$FILL_TARGET/$FILL_FILE.part" "$FILL_SOURCE"
mv "$FILL_TARGET/$FILL_FILE.part" "$FILL_TARGET/$FILL_FILE"
