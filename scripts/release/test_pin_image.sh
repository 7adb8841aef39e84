#!/usr/bin/env bash
# Tests pin_image.py on the real action.yml: only the image line changes, bad references and files are refused,
# and actionlint accepts the result as a local action's metadata.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
digest="sha256:$(printf 'probot' | sha256sum | cut -d' ' -f1)"
ref="ghcr.io/octo/chatgpt-probot@$digest"

python3 scripts/release/pin_image.py action.yml "$ref" --output "$tmp/action.yml"
changed=$(diff action.yml "$tmp/action.yml" | grep -c '^[<>]' || true)
[ "$changed" = 2 ] || { diff action.yml "$tmp/action.yml"; echo "FAIL: expected exactly one line to change"; exit 1; }
grep -q "^  image: docker://$ref\$" "$tmp/action.yml" || { echo "FAIL: image line not rewritten"; exit 1; }
python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert d["runs"]["using"] == "docker" and d["runs"]["image"].startswith("docker://ghcr.io/")' "$tmp/action.yml"

# Refusals: a mutable tag, a short digest, a file that is already pinned.
for bad in "ghcr.io/octo/chatgpt-probot:v1" "ghcr.io/octo/chatgpt-probot@sha256:abc" "chatgpt-probot@$digest"; do
    if python3 scripts/release/pin_image.py action.yml "$bad" --output "$tmp/bad.yml" 2>/dev/null; then
        echo "FAIL: accepted $bad"; exit 1
    fi
done
if python3 scripts/release/pin_image.py "$tmp/action.yml" "$ref" --output "$tmp/twice.yml" 2>/dev/null; then
    echo "FAIL: pinned an already pinned file"; exit 1
fi

# actionlint reads a local action's metadata when a workflow uses it: lint the pinned action that way.
mkdir -p "$tmp/repo/.github/workflows"
cp "$tmp/action.yml" "$tmp/repo/action.yml"
cat > "$tmp/repo/.github/workflows/use.yml" <<'YAML'
name: use
on: pull_request
permissions: {}
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          openai-api-key: ${{ secrets.OPENAI_API_KEY }}
YAML
(cd "$tmp/repo" && git init -q && actionlint .github/workflows/use.yml)
# And it must catch a broken metadata file, or the check above proves nothing.
sed -i 's/^  using: docker/  using: dockr/' "$tmp/repo/action.yml"
if (cd "$tmp/repo" && actionlint .github/workflows/use.yml >/dev/null 2>&1); then
    echo "FAIL: actionlint did not read the action's metadata"; exit 1
fi
echo "pin_image: 4 checks passed"
