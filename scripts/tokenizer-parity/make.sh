#!/usr/bin/env bash
# Regenerates the tokenizer parity fixture: the corpus and the ids the reference tiktoken gives for it.
# Needs `pip install tiktoken` and ../shared/vocab (no network).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vocab=${VOCAB_DIR:-$root/../shared/vocab}
out=$root/Tests/TokenizerTests/Fixtures/parity
mkdir -p "$out"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
# tiktoken caches each file under the SHA-1 of its download URL.
cp "$vocab/o200k_base.tiktoken" "$cache/fb374d419588a4632f3f557e76b4b70aebbca790"
cp "$vocab/cl100k_base.tiktoken" "$cache/9b5ad71b2ce5302211f9c61530b329a4922fc6a4"
python3 "$here/make_corpus.py" "$out/corpus.json" "$root"
TIKTOKEN_CACHE_DIR=$cache python3 "$here/make_expected.py" "$out/corpus.json" "$out"
