#!/usr/bin/env bash
# Makes sure the pinned checkov is installed in a virtual environment outside the
# repository, and prints the path of its `checkov` executable.
#
# Where: ${BOOKSTORE_TOOLS_CACHE:-$HOME/.cache/multicloud-bookstore}/checkov-venv.
# Reused when its stamp says it was installed from this very requirements.txt (same
# sha256) and reports the pinned checkov version; otherwise rebuilt from
# PyPI with `pip install --require-hashes`, so a package whose hash is not in the lock
# is refused. About a minute on a fresh machine (96 wheels, no compilation).
#
# Usage: scripts/checkov/venv.sh            install if needed, print the executable
#        scripts/checkov/venv.sh --path     print where the executable would be, install nothing
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
requirements="$here/requirements.txt"
venv="${BOOKSTORE_TOOLS_CACHE:-${HOME:?set HOME or BOOKSTORE_TOOLS_CACHE}/.cache/multicloud-bookstore}/checkov-venv"
checkov="$venv/bin/checkov"

if [[ "${1:-}" == "--path" ]]; then
  echo "$checkov"
  exit 0
fi

pinned="$(sed -n 's/^checkov==\([^ ]*\).*/\1/p' "$requirements")"
lock_sum="$(sha256sum "$requirements" | cut -d' ' -f1)"
stamp="$venv/.installed-from"

# The package metadata, not `checkov --version`: that imports checkov, four seconds.
installed_version() {
  "$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("checkov"))' 2>/dev/null || true
}

if [[ -x "$checkov" && -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" && "$(installed_version)" == "$pinned" ]]; then
  echo "$checkov"
  exit 0
fi

python="${PYTHON:-python3}"
echo "installing checkov $pinned into $venv (from $requirements)" >&2
rm -rf "$venv"
mkdir -p "$(dirname "$venv")"
"$python" -m venv "$venv"
# --no-deps: the lock already lists every dependency; pip must not resolve past it.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
  --require-hashes --no-deps -r "$requirements" >&2
installed="$(installed_version)"
if [[ "$installed" != "$pinned" ]]; then
  echo "checkov in $venv reports $installed, expected $pinned" >&2
  exit 1
fi
echo "$lock_sum" >"$stamp"
echo "$checkov"
