#!/usr/bin/env bash
# Fails when a C or C++ file of the repository is not as clang-format
# (the repository's .clang-format) would write it, and names the files.
# usage: check_format.sh SOURCE_DIR [CLANG_FORMAT]
set -uo pipefail
src="${1:?usage: check_format.sh SOURCE_DIR [CLANG_FORMAT]}"
format="${2:-clang-format}"
cd "$src" || exit 2
mapfile -t files < <(git ls-files '*.c' '*.h' '*.cpp' '*.hpp' 2>/dev/null)
if ((${#files[@]} == 0)); then
  echo "no sources found under $src (not a git checkout?)"
  exit 2
fi
bad=()
for f in "${files[@]}"; do
  [[ -f "$f" ]] || continue
  "$format" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]} != 0)); then
  echo "not clang-formatted (run: clang-format -i FILE):"
  printf '  %s\n' "${bad[@]}"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "${#files[@]} files clang-formatted"
