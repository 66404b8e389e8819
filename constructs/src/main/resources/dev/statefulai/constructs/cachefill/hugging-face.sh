# Hugging Face: huggingface_hub from the image, else installed into /tmp (the root file system may be
# read-only to a non-root user); snapshot_download resumes a download that was cut off.
python3 -c 'import huggingface_hub' 2>/dev/null || pip install --quiet --no-cache-dir --target /tmp/pylib "huggingface_hub==0.25.2"
PYTHONPATH="/tmp/pylib${PYTHONPATH:+:$PYTHONPATH}" python3 -c 'import os; from huggingface_hub import snapshot_download; snapshot_download(os.environ["FILL_SOURCE"], revision=os.environ.get("FILL_REVISION") or None, allow_patterns=os.environ.get("FILL_INCLUDE", "").split() or None, cache_dir=os.environ["FILL_TARGET"])'
