#!/usr/bin/env bash
# Re-resolve the newest releases that pyproject.toml allows and write them to constraints.txt.
# Run on purpose (not in CI), then `bash .ci/run`, then commit constraints.txt alone with what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip setuptools
extras="$(python3 -c 'import tomllib; print(",".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]))')"
"$tmp/venv/bin/python" -m pip install -q ".[$extras]"
{
  sed -n '/^#/p' constraints.txt
  "$tmp/venv/bin/python" -m pip freeze --all | grep -v -i '^annotated-timeline' | sort -f
} > "$tmp/constraints.txt"
mv "$tmp/constraints.txt" constraints.txt
git --no-pager diff --stat constraints.txt || true
