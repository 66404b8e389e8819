# Another claim, mounted read-only at /fill-source: copy its files.
cp -R /fill-source/. "$FILL_TARGET/"
