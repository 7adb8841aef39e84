#!/usr/bin/env bash
# The benchmark suite in one command: builds the release binary, then measures the pipeline by PR size and the
# tokenizer against tiktoken. Needs `pip install tiktoken` for the comparison (offline; see README).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product chatgpt-probot
swift build -c release --product probot-benchmarks
echo "## Pipeline (context around hunks on, the default)"
.build/release/probot-benchmarks pipeline "$@"
echo
echo "## Pipeline (context-lines 0)"
.build/release/probot-benchmarks pipeline --context-lines 0 "$@"
echo
echo "## Pipeline on a real model's latency: 0.5 s + 1 s per 100 answer tokens (about gpt-4.1-mini's speed)"
.build/release/probot-benchmarks pipeline --sizes 40,62,81,100,1000 --fixed 0.5 --per-hundred-completion 1.0
echo
echo "## The same with optimize: cost"
.build/release/probot-benchmarks pipeline --sizes 40,100,1000 --fixed 0.5 --per-hundred-completion 1.0 --optimize cost
echo
echo "## Tokenizer: the parity corpus"
.build/release/probot-benchmarks tokenizer
echo
echo "## Tokenizer: the mixed corpus (Swift and C sources, a real diff, multilingual stress text)"
python3 Benchmarks/make_mixed_corpus.py .build/mixed-corpus.json
.build/release/probot-benchmarks tokenizer --corpus .build/mixed-corpus.json
echo
echo "## Memory of the tokens command by input size"
python3 Benchmarks/tokens_memory.py .build/release/chatgpt-probot .build/mixed-corpus.json
