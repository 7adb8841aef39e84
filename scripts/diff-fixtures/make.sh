#!/usr/bin/env bash
# Regenerates Tests/ProbotCoreTests/Fixtures/diffs/{git-quoted,format-patch}.patch with the installed git.
# Names with a tab, a quote, a backslash or UTF-8 are C-quoted by git; the series' second mail ends in a deleted
# "- " line right before the "-- " signature, and the first mail's message holds diff-like lines.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/Tests/ProbotCoreTests/Fixtures/diffs
mkdir -p "$out"
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
cd "$repo"
git init -q
git config user.email dev@example.com
git config user.name Dev
git config core.quotePath true
export GIT_AUTHOR_DATE='2026-01-02T03:04:05Z' GIT_COMMITTER_DATE='2026-01-02T03:04:05Z'
printf 'one\n' > plain.txt
printf 'x\n' > "$(printf 'sp ace\tx.txt')"
printf 'a\nb\n' > 'été.txt'
printf 'q\n' > 'q"uote\back.txt'
printf 'keep\n- \n' > list.md
printf 'r\n' > "$(printf 'old\tname.txt')"
git add -A
git commit -qm init
printf 'one\ntwo\n' > plain.txt
printf 'y\n' > "$(printf 'sp ace\tx.txt')"
printf 'a\nc\n' > 'été.txt'
printf 'r\n' > 'q"uote\back.txt'
git mv "$(printf 'old\tname.txt')" 'new name.txt'
git add -A
git commit -qm 'Rename and edit files with unusual names' -m 'A message that looks like a diff:
--- a/evil.txt
+++ b/evil.txt
@@ -1 +1 @@
-a
+b'
git diff HEAD~1 HEAD > "$out/git-quoted.patch"
printf 'keep\n' > list.md
git commit -qam 'Drop the empty list item'
git format-patch -2 --stdout > "$out/format-patch.patch"
