#!/usr/bin/env bash
# Install the Debian packages the test suite needs when they are missing: Chromium (browser
# tests), CJK fonts (so screenshots show Chinese), the PostgreSQL server, and LibreOffice
# Writer with poppler's tools (the annual report's .docx -> PDF -> page image). Idempotent
# and quick when everything is already there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Chromium's own labels (the file input's 选择文件) in Chinese
[ -d /usr/lib/chromium/locales ] && ls /usr/lib/chromium/locales/zh-CN.pak >/dev/null 2>&1 || missing+=(chromium-l10n)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
