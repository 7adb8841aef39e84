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
echo "## Tokenizer"
.build/release/probot-benchmarks tokenizer
