# S3: sync the prefix; the marker files are never the source's.
aws s3 sync "$FILL_SOURCE" "$FILL_TARGET" --no-progress --only-show-errors --exclude '.ai-storage-fill*'
