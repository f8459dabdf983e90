#!/usr/bin/env bash
# Install the Debian packages the test suite needs when they are missing: Chromium (browser
# tests), CJK fonts (so screenshots show Chinese), and the PostgreSQL server. Idempotent and
# quick when everything is already there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Chromium's own labels (the file input's 选择文件) in Chinese
[ -d /usr/lib/chromium/locales ] && ls /usr/lib/chromium/locales/zh-CN.pak >/dev/null 2>&1 || missing+=(chromium-l10n)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
