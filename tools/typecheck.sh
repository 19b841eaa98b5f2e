#!/usr/bin/env bash
# Type-check the package as it is installed. The repository keeps screens/ and styles/ beside
# careplan/, but they import as careplan.screens and careplan.styles (pyproject's package-dir), which
# mypy cannot follow through an editable install. So build that layout out of links and check it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
tree=build/typecheck
rm -rf "$tree"
mkdir -p "$tree/careplan"
for entry in careplan/*; do ln -s "$repo/$entry" "$tree/careplan/"; done
ln -s "$repo/screens" "$tree/careplan/screens"
ln -s "$repo/styles" "$tree/careplan/styles"
cd "$tree"
exec "$repo/.venv/bin/mypy" --config-file "$repo/pyproject.toml" careplan
