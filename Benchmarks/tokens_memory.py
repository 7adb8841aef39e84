#!/usr/bin/env python3
"""Peak memory of `chatgpt-probot tokens FILE` as the input grows: the corpus joined, then repeated.

Usage: python3 tokens_memory.py BINARY CORPUS.json
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

binary, corpus = sys.argv[1], sys.argv[2]
text = "\n".join(json.load(open(corpus, encoding="utf-8")))


def peak_kb(path):
    # Each measurement in its own child process, so ru_maxrss is that run's alone.
    script = (
        "import resource, subprocess, sys, time; s = time.perf_counter(); "
        "out = subprocess.run(sys.argv[1:], capture_output=True, text=True).stdout; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - s, out.split()[0])"
    )
    result = subprocess.run([sys.executable, "-c", script, binary, "tokens", path], capture_output=True, text=True)
    kb, seconds, tokens = result.stdout.split()
    return int(kb), float(seconds), int(tokens)


with tempfile.TemporaryDirectory() as folder:
    empty = os.path.join(folder, "empty.txt")
    open(empty, "w").write("hi")
    base, _, _ = peak_kb(empty)
    print("| Input | Tokens | Time | Peak RSS | Above the vocabulary |")
    print("|---:|---:|---:|---:|---:|")
    for repeat in [1, 4]:
        path = os.path.join(folder, f"mixed{repeat}.txt")
        with open(path, "w", encoding="utf-8") as handle:
            for _ in range(repeat):
                handle.write(text)
        size = os.path.getsize(path) / 1e6
        kb, seconds, tokens = peak_kb(path)
        print(f"| {size:.1f} MB | {tokens:,} | {seconds:.2f} s | {kb / 1024:.0f} MB | {(kb - base) / 1024:.0f} MB |")
    print(f"\n(The vocabulary alone: {base / 1024:.0f} MB peak for a two-byte input.)")
