#!/usr/bin/env bash
# Sets roneo up on Debian 12 (as root: installs the packages it needs), builds
# it, and renders every file in examples/ to PDF and PNG proofs in out/examples/:
# the tracts as flyers, examples/banners/ as 3 m banners tiled on A4,
# examples/batch/ as invitations, one per row of its CSV, 4-up on A4.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_packages
generate_locales
build build
mkdir -p "$here/out/examples"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)}
for copy in "$here"/examples/*.md "$here"/examples/*.txt; do
  [ -e "$copy" ] || continue
  name=$(basename "${copy%.*}")
  "$here/build/src/cli/roneo" flyer "$copy" -o "$here/out/examples/$name.pdf" --png=100 -v
done
for slogan in "$here"/examples/banners/*.txt; do
  [ -e "$slogan" ] || continue
  name=$(basename "${slogan%.*}")
  "$here/build/src/cli/roneo" banner "$slogan" --size 300x90cm \
    -o "$here/out/examples/$name-tiles.pdf" --manifest "$here/out/examples/$name.json" --png=100 -v
done
for template in "$here"/examples/batch/*.md; do
  [ -e "$template" ] || continue
  name=$(basename "${template%.*}")
  "$here/build/src/cli/roneo" batch "$template" --data "${template%/*}/villes.csv" \
    -o "$here/out/examples/$name-batch.pdf" -v
  pdftoppm -png -r 100 "$here/out/examples/$name-batch.pdf" "$here/out/examples/$name-batch"
done
echo "roneo: examples in out/examples/ (PDF and PNG proofs)"
