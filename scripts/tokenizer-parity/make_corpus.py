#!/usr/bin/env python3
"""Builds the tokenizer parity corpus: >= 1 MB of varied text as a JSON array of documents.

Deterministic (fixed seed). Content: source code in 12 languages generated from templates, real unified diffs and
sources of this repository, prose in 20+ scripts, emoji and ZWJ sequences, combining marks, whitespace runs, CRLF,
numbers in many systems, contractions (including the long s that case-insensitive regexes fold to s), very long
lines, unusual but valid UTF-8 (controls, noncharacters, private use, BOM, unassigned code points), and
multilingual stress documents longer than the tokenizer's 64 KB segments.

Usage: python3 make_corpus.py OUT.json [REPO_ROOT]
"""
import json
import pathlib
import random
import subprocess
import sys

rng = random.Random(20261126)
out_path = pathlib.Path(sys.argv[1])
repo = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ".").resolve()
docs = []

PROSE = {
    "en": "The review found a race between the cache refresh and the request handler. It's not obvious, but we'll fix it before they're shipping the release; you'd think they'd have noticed.",
    "de": "Die Überprüfung ergab eine Wettlaufsituation zwischen Cache und Anfrage. Größere Änderungen müssen später geprüft werden, weil die Straße gesperrt ist.",
    "fr": "L'équipe a corrigé l'erreur où l'on perdait des données. C'est déjà prêt, mais n'oubliez pas d'écrire les tests à côté du code.",
    "es": "El análisis encontró un error en la función de pago. ¿Por qué no se detectó antes? ¡Mañana lo revisaremos con cuidado!",
    "pt": "A revisão encontrou um problema de concorrência. Não é óbvio, mas vamos corrigi-lo antes da próxima versão.",
    "it": "La revisione ha trovato un errore nella gestione della cache; è già stato corretto perché era critico.",
    "pl": "Przegląd znalazł błąd w obsłudze pamięci podręcznej. Źródło problemu leżało w źle zsynchronizowanym wątku.",
    "tr": "İnceleme, önbellek ile istek işleyicisi arasında bir yarış durumu buldu. Şimdi düzeltiyoruz; ığdır, çağrı, şöyle.",
    "vi": "Bản xem xét đã tìm thấy lỗi trong bộ nhớ đệm. Chúng tôi sẽ sửa nó trước khi phát hành phiên bản tiếp theo.",
    "ru": "Проверка обнаружила гонку между обновлением кэша и обработчиком запросов. Это не очевидно, но мы исправим её до релиза.",
    "uk": "Перевірка виявила помилку в обробці кешу. Ґрунтовне виправлення буде готове завтра, і ми її їх об'єднаємо.",
    "el": "Ο έλεγχος βρήκε μια συνθήκη ανταγωνισμού μεταξύ της κρυφής μνήμης και του χειριστή αιτημάτων. Θα τη διορθώσουμε σύντομα.",
    "ar": "وجدت المراجعة حالة سباق بين تحديث ذاكرة التخزين المؤقت ومعالج الطلبات. سنصلحها قبل الإصدار القادم.",
    "he": "הסקירה מצאה מרוץ בין רענון המטמון לבין מטפל הבקשות. נתקן את זה לפני השחרור הבא.",
    "fa": "بازبینی یک شرایط رقابتی بین حافظه نهان و پردازشگر درخواست پیدا کرد. پیش از انتشار آن را اصلاح می‌کنیم.",
    "hi": "समीक्षा में कैश और अनुरोध हैंडलर के बीच एक रेस कंडीशन मिली। हम अगली रिलीज़ से पहले इसे ठीक कर देंगे।",
    "bn": "পর্যালোচনায় ক্যাশে এবং অনুরোধ হ্যান্ডলারের মধ্যে একটি রেস কন্ডিশন পাওয়া গেছে।",
    "ta": "மதிப்பாய்வில் தற்காலிக சேமிப்பு மற்றும் கோரிக்கை கையாளுதலுக்கு இடையே போட்டி நிலை கண்டறியப்பட்டது.",
    "th": "การตรวจสอบพบสภาวะการแข่งขันระหว่างแคชและตัวจัดการคำขอ เราจะแก้ไขก่อนการเปิดตัวครั้งถัดไป",
    "zh": "审查发现缓存刷新和请求处理程序之间存在竞争条件。这并不明显，但我们会在发布前修复它。繁體中文：審查發現問題。",
    "ja": "レビューでキャッシュの更新とリクエストハンドラの間に競合状態が見つかりました。次のリリースまでに修正します。ｶﾀｶﾅも。",
    "ko": "검토 결과 캐시 새로 고침과 요청 처리기 사이에 경쟁 상태가 발견되었습니다. 다음 릴리스 전에 수정하겠습니다.",
    "ka": "მიმოხილვამ აღმოაჩინა რბოლის მდგომარეობა ქეშსა და მოთხოვნის დამმუშავებელს შორის.",
    "hy": "Վերանայումը հայտնաբերեց մրցավազքի վիճակ քեշի և հարցումների մշակողի միջև։",
    "am": "ግምገማው በመሸጎጫ እና በጥያቄ ተቆጣጣሪ መካከል የውድድር ሁኔታ አግኝቷል።",
}

EMOJI = ["🚀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇯🇵", "🇺🇸", "❤️", "🧑🏿‍💻", "1️⃣", "#️⃣", "🤦‍♀️", "👩🏻‍❤️‍💋‍👨🏼", "🐛", "✅", "⚠️", "🔥", "🫠", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]
MARKS = ["e\u0301", "a\u0308", "n\u0303", "o\u0302\u0323", "Z\u0351\u0352\u0353\u0354\u0355", "क\u094d\u0937", "\u1100\u1161\u11a8", "\u0301start", "ǅ", "ﬁ", "Å", "ſ"]
SPACES = [" ", "  ", "    ", "\t", "\t\t", "\n", "\n\n", "\r\n", "\r\n\r\n", " \n", "\u00a0", "\u3000", "\u2028", "\u2029", "\u000b", "\u000c", "\u200b", "\u2003", "\u0085"]
NUMBERS = ["0", "7", "42", "123", "1234", "12345678901234567890", "3.14159", "-0.001", "1e-9", "0x7fffffff", "1_000_000",
           "٣٤٥", "０１２３", "Ⅻ", "²³", "½", "१२३", "๑๒๓", "1,234,567.89", "2026-11-26T17:00:00Z"]
CONTRACTIONS = ["it's", "IT'S", "we'll", "WE'LL", "they've", "you're", "I'd", "I'm", "can't", "don't", "o'clock",
                "rock'n'roll", "ſ'ſ", "'s", "'S", "'ll", "'LL", "'ve", "'re", "'d", "'m", "'t", "’s", "Bob's", "BOB'S",
                "Ünïcödé's", "ÉCOLE'S", "1990's", "x's'", "''s", "it''s", "l'été", "L'ÉTÉ"]
IDENTS = ["user", "order", "cache", "request", "handler", "total", "price", "customer", "session", "token", "item", "config",
          "retry", "budget", "review", "comment", "patch", "hunk", "line", "value", "result", "error", "parser", "buffer"]
ODD = ["\u0000", "\u0001", "\u001f", "\u007f", "\u0080", "\u009f", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\ue000", "\U000f0000",
       "\U0010ffff", "\U0001d400\U0001d401", "\u0378", "\U0002a6d6", "\U000e0001", "\ufe0f", "\u200d", "\u00ad", "\u2060", "\U0001f3fb"]


def ident():
    a, b = rng.choice(IDENTS), rng.choice(IDENTS)
    style = rng.randrange(4)
    if style == 0:
        return a + b.capitalize()
    if style == 1:
        return a + "_" + b
    if style == 2:
        return (a + "_" + b).upper()
    return a.capitalize() + b.capitalize() + str(rng.randrange(100))


def num():
    return rng.choice(NUMBERS[:11]) if rng.random() < 0.8 else str(rng.randrange(10 ** rng.randrange(1, 12)))


def comment_text():
    lang = rng.choice(list(PROSE))
    words = PROSE[lang].split()
    start = rng.randrange(len(words))
    return " ".join(words[start:start + rng.randrange(3, 12)])


TEMPLATES = {
    "swift": lambda: f"""import Foundation

/// {comment_text()}
struct {ident().capitalize()}: Sendable {{
    let {ident()}: Int = {num()}
    var {ident()}: [String] = ["{comment_text()}", "\\({ident()})"]

    func {ident()}(_ input: String) async throws -> Int {{
        guard !input.isEmpty else {{ throw CancellationError() }}
        let parts = input.split(separator: ",").map {{ $0.trimmingCharacters(in: .whitespaces) }}
        return parts.reduce({num()}) {{ $0 + $1.count }} // {comment_text()}
    }}
}}
""",
    "python": lambda: f"""import os
import sys


def {ident()}(path, limit={num()}):
    \"\"\"{comment_text()}\"\"\"
    with open(path, "r", encoding="utf-8") as handle:
        rows = [line.rstrip("\\n").split("\\t") for line in handle if line.strip()]
    if len(rows) > limit:
        raise ValueError(f"too many rows: {{len(rows)}} > {{limit}}")  # {comment_text()}
    return {{row[0]: row[1:] for row in rows}}


class {ident().capitalize()}(object):
    def __init__(self, {ident()}=None):
        self.{ident()} = {ident()} or []
""",
    "javascript": lambda: f"""'use strict';
const {ident()} = require('./{ident()}');

/** {comment_text()} */
export async function {ident()}(req, res) {{
  const {{ {ident()}, {ident()} = {num()} }} = req.body ?? {{}};
  if (!Array.isArray(req.items)) return res.status(400).json({{ error: `bad input: ${{req.id}}` }});
  return res.json(req.items.filter((x) => x.total > {num()}).map((x) => ({{ ...x, seen: true }})));
}}
""",
    "typescript": lambda: f"""interface {ident().capitalize()} {{
  id: number;
  name?: string | null;
  tags: ReadonlyArray<string>;
}}

export const {ident()} = <T extends {{ id: number }}>(xs: T[]): Map<number, T> =>
  new Map(xs.map((x) => [x.id, x] as const)); // {comment_text()}
""",
    "go": lambda: f"""package {ident().lower()}

import (
\t"context"
\t"fmt"
)

// {ident().capitalize()} {comment_text()}
func {ident().capitalize()}(ctx context.Context, n int) (int, error) {{
\tif n < {num()} {{
\t\treturn 0, fmt.Errorf("n too small: %d", n)
\t}}
\tselect {{
\tcase <-ctx.Done():
\t\treturn 0, ctx.Err()
\tdefault:
\t}}
\treturn n * {num()}, nil
}}
""",
    "rust": lambda: f"""use std::collections::HashMap;

/// {comment_text()}
pub fn {ident()}<'a>(input: &'a str) -> Result<HashMap<&'a str, usize>, String> {{
    let mut counts = HashMap::new();
    for word in input.split_whitespace() {{
        *counts.entry(word).or_insert(0usize) += {num()};
    }}
    if counts.is_empty() {{ return Err(format!("empty: {{:?}}", input)); }}
    Ok(counts)
}}
""",
    "c": lambda: f"""#include <stdio.h>
#include <stdlib.h>

/* {comment_text()} */
static int {ident()}(const char *s, size_t n) {{
    int acc = {num()};
    for (size_t i = 0; i < n && s[i] != '\\0'; ++i) {{
        acc = (acc << 5) ^ (unsigned char)s[i];
    }}
    return acc & 0x7fffffff;
}}
""",
    "java": lambda: f"""package com.example.{ident().lower()};

import java.util.*;

public final class {ident().capitalize()} {{
    private static final int LIMIT = {num()};
    // {comment_text()}
    public List<String> {ident()}(Map<String, Integer> in) {{
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : in.entrySet()) if (e.getValue() > LIMIT) out.add(e.getKey());
        return Collections.unmodifiableList(out);
    }}
}}
""",
    "ruby": lambda: f"""# {comment_text()}
class {ident().capitalize()}
  attr_reader :{ident()}

  def {ident()}(items, limit: {num()})
    items.select {{ |i| i[:total] > limit }}.map {{ |i| "#{{i[:name]}}: #{{i[:total]}}" }}
  end
end
""",
    "sql": lambda: f"""-- {comment_text()}
SELECT o.id, o.total, c.name
FROM orders AS o
JOIN customers c ON c.id = o.customer_id
WHERE o.total > {num()} AND c.name LIKE '%{ident()}%'
ORDER BY o.created_at DESC
LIMIT {rng.randrange(1, 500)};
""",
    "shell": lambda: f"""#!/usr/bin/env bash
set -euo pipefail
# {comment_text()}
for f in "$@"; do
  if [[ -f "$f" ]]; then
    printf '%s\\t%d\\n' "$f" "$(wc -l < "$f")"
  fi
done | sort -k2 -n | tail -n {rng.randrange(1, 50)}
""",
    "kotlin": lambda: f"""data class {ident().capitalize()}(val id: Long, val name: String?)

fun {ident()}(xs: List<Int>): Int = xs.filter {{ it > {num()} }}.sumOf {{ it * 2 }} // {comment_text()}
""",
    "yaml": lambda: f"""name: {ident()}
on:
  pull_request:
    types: [opened, synchronize]
jobs:
  {ident()}:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "{comment_text()}"
""",
    "json": lambda: json.dumps({ident(): [num(), comment_text(), {ident(): None, "ok": True}] for _ in range(4)}, indent=2, ensure_ascii=False),
}

# 1. Generated source code in many languages.
for _ in range(1400):
    lang = rng.choice(list(TEMPLATES))
    text = TEMPLATES[lang]()
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    docs.append(text)

# 2. Real unified diffs and sources of this repository.
try:
    log = subprocess.run(["git", "-C", str(repo), "log", "-p", "--no-color", "-n", "12", "--", "Sources", "Tests/ProbotCoreTests/Fixtures/patches"],
                         capture_output=True, text=True, check=True).stdout
    chunks = log.split("\ndiff --git ")
    docs.extend(("diff --git " + c if i else c)[:20000] for i, c in enumerate(chunks[:120]))
except (subprocess.CalledProcessError, FileNotFoundError):
    pass
for path in sorted((repo / "Sources").rglob("*.swift"))[:40]:
    docs.append(path.read_text(encoding="utf-8"))

# 3. Prose in many scripts, mixed and reshuffled.
for _ in range(1500):
    langs = rng.sample(list(PROSE), rng.randrange(1, 4))
    parts = []
    for lang in langs:
        words = PROSE[lang].split()
        joiner = " "
        if len(words) < 8:  # scripts written without spaces: shuffle short runs of characters instead
            text = PROSE[lang]
            words = [text[i:i + rng.randrange(2, 6)] for i in range(0, len(text), 4)]
            joiner = ""
        rng.shuffle(words)
        parts.append(joiner.join(words[: rng.randrange(4, len(words) + 1)]))
    docs.append(rng.choice([" ", "\n", "\n\n", " — "]).join(parts))

# 4. Emoji, marks, contractions, numbers, odd scalars and whitespace, interleaved.
pools = [EMOJI, MARKS, CONTRACTIONS, NUMBERS, ODD, SPACES, IDENTS]
for _ in range(2500):
    pieces = []
    for _ in range(rng.randrange(3, 40)):
        pool = rng.choice(pools)
        pieces.append(rng.choice(pool))
        if rng.random() < 0.5:
            pieces.append(rng.choice(SPACES[:6]))
    docs.append("".join(pieces))

# 5. Whitespace edge cases, alone and at document ends.
for _ in range(300):
    ws = "".join(rng.choice(SPACES) for _ in range(rng.randrange(1, 30)))
    docs.append(rng.choice(["", "x", "word", "!", "12"]) + ws + rng.choice(["", "y", " z", "\n"]))
docs.append(" " * 5000)
docs.append("\n" * 3000)
docs.append("\t \n" * 700)
docs.append("\r\n" * 1000 + "end")

# 6. Very long lines.
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
docs.append("".join(rng.choice(alphabet) for _ in range(30000)))
docs.append("a" * 8000)
docs.append("Ab" * 3000)
docs.append("ლ" * 4000)
docs.append("!" * 5000 + "\n")
docs.append("9" * 7000)
docs.append("_".join(ident() for _ in range(1500)))
docs.append(";".join(f"var {ident()}={num()}" for _ in range(1200)))
docs.append("https://example.com/" + "/".join(ident() for _ in range(800)) + "?q=" + "&".join(f"{ident()}={num()}" for _ in range(300)))
docs.append("".join(rng.choice(EMOJI) for _ in range(1500)))
docs.append("".join(rng.choice(MARKS) for _ in range(2000)))

# 7. Multilingual stress text in documents longer than the tokenizer's 64 KB segments, with newlines before every
#    kind of character (letters, digits, punctuation, `/`, spaces), so the segment cuts are exercised on real
#    boundaries: ZWJ emoji, CJK, Arabic, combining marks, long whitespace runs and long repeated letters.
STRESS = EMOJI + MARKS + [PROSE["zh"], PROSE["ja"], PROSE["ko"], PROSE["ar"], " " * 40, "\t" * 12, "\n\n\n",
                          "  \n  \n", "a" * 300, "ab" * 200, "9" * 120, "’s", "'ll", "\n/", "\n//", "\n;", "\n+", "\n-"]
for _ in range(4):
    pieces = []
    while sum(len(p.encode("utf-8")) for p in pieces) < 100_000:
        pieces.append(rng.choice(STRESS))
        if rng.random() < 0.3:
            pieces.append(" ")
        if rng.random() < 0.08:
            pieces.append("\n" + rng.choice(["x", "7", "+", "-", "/", " ", "@", "{", "’", "é"]))
    docs.append("".join(pieces))
lines = []
while sum(len(line) + 1 for line in lines) < 150_000:
    lines.append(rng.choice(["+", "-", " ", "@@ -1,3 +1,4 @@", "/"]) + rng.choice(list(TEMPLATES.values()))().split("\n")[0])
docs.append("\n".join(lines))

total = sum(len(d.encode("utf-8")) for d in docs)
out_path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
print(f"{len(docs)} documents, {total:,} bytes of UTF-8 -> {out_path}")
