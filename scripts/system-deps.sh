#!/usr/bin/env bash
# Install the Debian packages piao needs, only those missing.
#   scripts/system-deps.sh          run time: WeasyPrint (Pango, HarfBuzz-subset), fonts, poppler-utils
#   scripts/system-deps.sh --test   also what the tests need: Chromium, Node.js and npm,
#                                   LibreOffice Writer and Calc (the DOCX and the XLSX read
#                                   back by a real office program) with the Italian
#                                   hyphenation patterns, and python3-uno (a test types into
#                                   a workbook through Calc itself)
# Without libharfbuzz-subset0 importing weasyprint emits a DeprecationWarning that breaks
# pytest run with warnings as errors.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium libreoffice-writer-nogui libreoffice-calc-nogui hyphen-it python3-uno)
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "piao: install these system packages by hand: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "piao: installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
