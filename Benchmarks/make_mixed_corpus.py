#!/usr/bin/env python3
"""Builds the mixed tokenizer corpus: real Swift and C sources, a real diff, and a multilingual stress text.

Usage: python3 Benchmarks/make_mixed_corpus.py OUT.json [REPEAT]
Swift: this repository's Sources; C: libyaml (Yams's CYaml, fetched by SwiftPM into .build/checkouts); the diff:
this repository's history from its first commit; the stress text: emoji and ZWJ sequences, CJK, Arabic, combining
marks, long whitespace runs and long repeated letters, generated deterministically. REPEAT (default 1) repeats the
whole set, for memory measurements on large inputs.
"""
import glob
import json
import random
import subprocess
import sys


def read(pattern):
    return [open(path, encoding="utf-8", errors="replace").read() for path in sorted(glob.glob(pattern, recursive=True))]


def stress(seed):
    rng = random.Random(seed)
    pieces = [
        "👩🏻‍❤️‍💋‍👨🏼", "🏳️‍🌈", "🧑🏿‍💻", "👨‍👩‍👧‍👦", "🇯🇵🇺🇸", "1️⃣", "#️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🫠",
        "审查发现缓存刷新和请求处理程序之间存在竞争条件。", "レビューでキャッシュの更新とリクエストハンドラの間に競合状態が見つかりました。",
        "리뷰에서 캐시 새로 고침과 요청 처리기 사이에 경쟁 조건이 발견되었습니다.",
        "وجدت المراجعة حالة سباق بين تحديث ذاكرة التخزين المؤقت ومعالج الطلبات.",
        "Z͓͔̓̔͑͒̕", "é́", "क्ष", "ﬁ", "ǅ", "Å", "ſ", "ộ", "ñ",
        " " * 40, "\t" * 12, "\n\n\n", "  \n  \n", "a" * 300, "ab" * 200, "9" * 120, "’s", "'ll",
    ]
    out = []
    for _ in range(4000):
        out.append(rng.choice(pieces))
        if rng.random() < 0.3:
            out.append(" ")
        if rng.random() < 0.05:
            out.append("\n")
    return "".join(out)


def main():
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    swift = read("Sources/**/*.swift")
    c = read(".build/checkouts/Yams/Sources/CYaml/src/*.c")
    first = subprocess.run(["git", "rev-list", "--max-parents=0", "HEAD"], capture_output=True, text=True).stdout.split()[0]
    diff = subprocess.run(["git", "diff", first, "HEAD", "--", "Sources"], capture_output=True, text=True).stdout
    documents = swift + c + [diff] + [stress(seed) for seed in range(8)]
    json.dump(documents * repeat, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
    size = sum(len(d.encode("utf-8")) for d in documents) * repeat
    print(f"{len(documents) * repeat} documents, {size / 1e6:.2f} MB")


main()
