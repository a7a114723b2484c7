#!/usr/bin/env bash
# Installs the reference tools that scripts/bench/side-by-side.sh compares tapaudit with,
# from Debian's archive. Idempotent: packages already present are left as they are.
# Needs root (or sudo) and apt-get; the Rust toolchain is not installed here.
set -euo pipefail

packages=(tcpdump tshark libndpi-bin argus-server hyperfine time)

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-tools: all present: ${packages[*]}"
    exit 0
fi

as_root=()
if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "install-tools: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "install-tools: installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer "no" without a prompt.
echo 'wireshark-common wireshark-common/install-setuid boolean false' \
    | "${as_root[@]}" debconf-set-selections 2>/dev/null || true
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-tools: done"
