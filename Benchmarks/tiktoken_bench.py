#!/usr/bin/env python3
"""Reference throughput: tiktoken's encode_ordinary over the same corpus, single thread.

Prints one JSON object per encoding: {"encoding", "bytes", "tokens", "seconds": [per run], "load_seconds"}.
Usage: TIKTOKEN_CACHE_DIR=... python3 tiktoken_bench.py CORPUS.json RUNS
"""
import json
import sys
import time

import tiktoken

corpus = json.load(open(sys.argv[1], encoding="utf-8"))
runs = int(sys.argv[2])
size = sum(len(doc.encode("utf-8")) for doc in corpus)
for name in ["o200k_base", "cl100k_base"]:
    start = time.perf_counter()
    encoding = tiktoken.get_encoding(name)
    load = time.perf_counter() - start
    encoding.encode_ordinary("warm up")
    times = []
    tokens = 0
    for _ in range(runs):
        start = time.perf_counter()
        tokens = sum(len(encoding.encode_ordinary(doc)) for doc in corpus)
        times.append(time.perf_counter() - start)
    print(json.dumps({"encoding": name, "bytes": size, "tokens": tokens, "seconds": times, "load_seconds": load,
                      "version": tiktoken.__version__}))
