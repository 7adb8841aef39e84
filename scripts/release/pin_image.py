#!/usr/bin/env python3
"""Points action.yml at a released image by digest.

Usage: pin_image.py ACTION_YML IMAGE@sha256:DIGEST [--output FILE]

Rewrites the one `image: Dockerfile` line under `runs:` to `image: docker://IMAGE@sha256:DIGEST` and leaves every
other byte as it was. Fails (exit 1) when the reference is not an image pinned by a sha256 digest, or when the file
has no `image: Dockerfile` line under `runs:` (already pinned, or reshaped).
"""
import re
import sys

REFERENCE = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)+@sha256:[0-9a-f]{64}$")
IMAGE_LINE = re.compile(r"^(?P<indent>\s+)image:\s*['\"]?Dockerfile['\"]?\s*$")


def pin(text: str, reference: str) -> str:
    if not REFERENCE.match(reference):
        raise ValueError(f"not an image pinned by digest (registry/owner/name@sha256:<64 hex>): {reference!r}")
    lines = text.splitlines(keepends=True)
    in_runs = False
    hits = []
    for index, line in enumerate(lines):
        if re.match(r"^\S", line):
            in_runs = line.rstrip() == "runs:"
        elif in_runs and IMAGE_LINE.match(line.rstrip("\r\n")):
            hits.append(index)
    if len(hits) != 1:
        raise ValueError(f"expected one `image: Dockerfile` line under `runs:`, found {len(hits)}")
    index = hits[0]
    ending = lines[index][len(lines[index].rstrip("\r\n")):]
    indent = IMAGE_LINE.match(lines[index].rstrip("\r\n")).group("indent")
    lines[index] = f"{indent}image: docker://{reference}{ending}"
    return "".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--output"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8", newline="") as handle:
        text = handle.read()
    try:
        result = pin(text, argv[2])
    except ValueError as error:
        print(f"pin_image: {error}", file=sys.stderr)
        return 1
    output = argv[4] if len(argv) == 5 else argv[1]
    with open(output, "w", encoding="utf-8", newline="") as handle:
        handle.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
