#!/usr/bin/env bash
# House style: every C++ file the repository tracks is as clang-format (Google, .clang-format)
# would write it.
source "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
if ! command -v clang-format > /dev/null; then
  fail "clang-format not installed (scripts/install-deps.sh installs it)"
  finish
fi
if ! git rev-parse --git-dir > /dev/null 2>&1; then
  echo "skipped: not a git checkout"
  exit 0
fi
while IFS= read -r f; do
  clang-format --dry-run --Werror "$f" > /dev/null 2>&1 || fail "$f is not clang-formatted"
done < <(git ls-files '*.cc' '*.h')
finish
