#!/usr/bin/env python3
"""Measures what skipping generated and vendored code saves on a real diff, with the CLI's dry run.

Takes two tags of a local git repository, writes `git diff BASE HEAD`, extracts the head's tree twice (once
without `.gitattributes`), and plans the diff four ways:

  everything     --review-generated --repository head          (nothing skipped as generated)
  attributes     --repository head                             (.gitattributes + generated headers)
  headers only   --repository head-without-.gitattributes      (the header alone)
  diff only      no checkout                                   (headers in a first hunk at line 1 only)

It checks that no path the checkout marks as generated (by `.gitattributes` or a header) is planned in the
"attributes" and "headers only" runs, that every such file is named with its reason, and that every other file
planned in "everything" is still planned. Prints a Markdown table. Nothing from the repository is committed.

Usage: swift build -c release --product chatgpt-probot && Benchmarks/generated_code_savings.py [REPO] [BASE] [HEAD]
(defaults: /opt/swift-packages/swiftlang/swift-syntax.git 600.0.1 602.0.0)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

repo = sys.argv[1] if len(sys.argv) > 1 else "/opt/swift-packages/swiftlang/swift-syntax.git"
base = sys.argv[2] if len(sys.argv) > 2 else "600.0.1"
head = sys.argv[3] if len(sys.argv) > 3 else "602.0.0"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A release build plans a large diff in seconds; a debug build takes many minutes.
configuration = os.environ.get("CONFIGURATION", "release")
binary = os.path.join(
    subprocess.check_output(["swift", "build", "-c", configuration, "--show-bin-path"], cwd=root, text=True).strip(),
    "chatgpt-probot",
)

work = tempfile.mkdtemp(prefix="generated-savings-")
diff = os.path.join(work, "change.diff")
with open(diff, "wb") as out:
    out.write(subprocess.check_output(["git", "-C", repo, "diff", "--no-color", base, head]))
tree = os.path.join(work, "head")
os.makedirs(tree)
archive = subprocess.Popen(["git", "-C", repo, "archive", head], stdout=subprocess.PIPE)
subprocess.check_call(["tar", "-x", "-C", tree], stdin=archive.stdout)
archive.wait()
bare = os.path.join(work, "head-without-attributes")
shutil.copytree(tree, bare, symlinks=True)
if os.path.exists(os.path.join(bare, ".gitattributes")):
    os.remove(os.path.join(bare, ".gitattributes"))


def plan(*options):
    """The dry run's planned paths, skipped paths with reasons, and totals."""
    text = subprocess.run(
        [binary, "review", "--diff", diff, "--dry-run", *options], capture_output=True, text=True, check=True
    ).stdout
    planned = set()
    for line in text.splitlines():
        match = re.match(r"^\| \d+ \| (.*) \| [\d,]+ \| \d+ % \|$", line)
        if match:
            planned.update(match.group(1).split(", "))
    skipped = dict(re.findall(r"^- `(.*)`: (.*)$", text, re.M))
    totals = re.search(r"(\d+) request\(s\), (\d+) file\(s\), ([\d,]+) prompt tokens; cost at most \$([\d.]+)", text)
    generated = re.search(r"Generated or vendored: (\d+) file\(s\) skipped, ([\d,]+) patch lines", text)
    return {
        "planned": planned,
        "skipped": skipped,
        "requests": int(totals.group(1)),
        "files": int(totals.group(2)),
        "tokens": int(totals.group(3).replace(",", "")),
        "cost": float(totals.group(4)),
        "generated": int(generated.group(1)) if generated else 0,
        "lines": int(generated.group(2).replace(",", "")) if generated else 0,
    }


def is_generated_reason(reason):
    return reason.startswith("`.gitattributes` sets") or reason.startswith("generated code:")


runs = {
    "everything (`--review-generated`)": plan("--review-generated", "--repository", tree),
    "`.gitattributes` + headers": plan("--repository", tree),
    "headers only (no `.gitattributes`)": plan("--repository", bare),
    "diff only (no checkout)": plan(),
}
everything, attributes, headers, _ = runs.values()
marked = {path for path, reason in attributes["skipped"].items() if is_generated_reason(reason)}
by_header = {path for path, reason in headers["skipped"].items() if is_generated_reason(reason)}
problems = []
for name, run in (("attributes", attributes), ("headers only", headers)):
    leaked = run["planned"] & (marked | by_header)
    if leaked:
        problems.append(f"{name}: generated files planned: {sorted(leaked)[:5]}")
    missing = (everything["planned"] - marked - by_header) - run["planned"]
    if name == "attributes" and missing:
        problems.append(f"{name}: other files no longer planned: {sorted(missing)[:5]}")
for path in marked:
    if path.split("/generated/")[0] != path and path not in by_header:
        problems.append(f"headers only: {path} is under generated/ but no header was found")

print(f"{repo} {base}..{head}: {len(everything['planned']) + len(everything['skipped'])} files in the diff\n")
print("| Run | Requests | Files planned | Skipped as generated | Patch lines skipped | Prompt tokens | Cost at most |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, run in runs.items():
    print(
        f"| {name} | {run['requests']} | {run['files']} | {run['generated']} | {run['lines']:,} | "
        f"{run['tokens']:,} | ${run['cost']:.4f} |"
    )
saved = everything["tokens"] - attributes["tokens"]
print(f"\nSaved with skipping: {saved:,} prompt tokens ({100 * saved / everything['tokens']:.1f} %).")
reasons = {}
for path in marked | by_header:
    reason = attributes["skipped"].get(path) or headers["skipped"].get(path)
    reasons.setdefault(re.sub(r"\(.*\)", "", reason).strip(), []).append(path)
for reason, paths in sorted(reasons.items()):
    print(f"- {len(paths)} file(s): {reason} (e.g. `{sorted(paths)[0]}`)")
print("\nchecks:", "all passed" if not problems else "\n  " + "\n  ".join(problems))
shutil.rmtree(work)
sys.exit(1 if problems else 0)
