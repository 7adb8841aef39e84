#!/usr/bin/env python3
"""Encodes the parity corpus with the reference tiktoken and writes the expected ids.

Format of each output file: for every document, LEB128 varint count, then that many LEB128 varint ids.
Works offline: point TIKTOKEN_CACHE_DIR at a folder holding the vocabularies under tiktoken's cache names
(see ../shared/vocab/README.md); `make.sh` does that.

Usage: python3 make_expected.py CORPUS.json OUT_DIR
"""
import json
import pathlib
import sys

import tiktoken

corpus = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
out_dir = pathlib.Path(sys.argv[2])


def varint(value, out):
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


for name in ["o200k_base", "cl100k_base"]:
    encoding = tiktoken.get_encoding(name)
    out = bytearray()
    tokens = 0
    for doc in corpus:
        ids = encoding.encode_ordinary(doc)
        tokens += len(ids)
        varint(len(ids), out)
        for token in ids:
            varint(token, out)
    path = out_dir / f"expected-{name}.bin"
    path.write_bytes(bytes(out))
    print(f"{name}: {tokens:,} tokens, {len(out):,} bytes -> {path} (tiktoken {tiktoken.__version__})")
