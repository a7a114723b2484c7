#!/usr/bin/env bash
# Re-make every real capture, then captures/real/EXPECTED.tsv. As root.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
for s in ftp.sh rpcbind.sh dcerpc-epm.sh; do
    timeout 300 "$HERE/$s"
done
python3 "$HERE/make-expected.py"
