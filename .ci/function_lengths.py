#!/usr/bin/env python3
"""Fails when a function, initialiser or accessor in the production targets is longer than the limit.

Lengths come from the Swift compiler's own parser (`swiftc -dump-parse`), which prints every declaration's source
range; nothing here reads Swift by hand. Usage: .ci/function_lengths.py [limit] (default 60).
"""
import pathlib
import re
import subprocess
import sys

LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 60
TARGETS = ["Sources/ProbotCore", "Sources/ProbotServices", "Sources/chatgpt-probot", "Sources/Tokenizer"]
DECL = re.compile(
    r'\((func_decl|constructor_decl|accessor_decl|destructor_decl)\b[^\n]*?range=\[([^:\]]+):(\d+):\d+ - line:(\d+):\d+\]'
    r'(?: "([^"]*)")?'
)

def main() -> int:
    files = sorted(str(p) for target in TARGETS for p in pathlib.Path(target).rglob("*.swift"))
    too_long = []
    for chunk in range(0, len(files), 40):
        batch = files[chunk:chunk + 40]
        result = subprocess.run(["swiftc", "-dump-parse", *batch], capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stderr[-4000:], file=sys.stderr)
            return 2
        for match in DECL.finditer(result.stdout + result.stderr):
            kind, path, start, end, name = match.groups()
            if "implicit" in match.group(0):
                continue
            length = int(end) - int(start) + 1
            if length > LIMIT:
                too_long.append((length, path, int(start), name or kind))
    for length, path, start, name in sorted(too_long, reverse=True):
        print(f"{path}:{start}: {name} is {length} lines (limit {LIMIT})")
    print(f"{len(files)} files checked; {len(too_long)} function(s) over {LIMIT} lines")
    return 1 if too_long else 0

if __name__ == "__main__":
    sys.exit(main())
