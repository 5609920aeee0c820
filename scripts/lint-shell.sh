#!/usr/bin/env bash
# npm run lint: shellcheck over every shell script of the repository: the files git knows (tracked,
# or new and not ignored) whose first line is a sh or bash shebang, and every *.sh (the sourced
# parts of scripts/testbed). shellcheck is Debian's package, which scripts/testbed up installs.
set -euo pipefail
cd "$(dirname -- "$0")/.."

command -v shellcheck >/dev/null ||
  {
    echo "lint-shell: shellcheck is not installed; run 'bash scripts/testbed up' (as root), or: apt-get install shellcheck" >&2
    exit 1
  }

files=()
while IFS= read -r -d '' file; do
  [[ -f $file ]] || continue
  if [[ $file == *.sh ]] || head -n 1 -- "$file" | grep -qE '^#!.*[/ ](ba)?sh( |$)'; then
    files+=("$file")
  fi
done < <(git ls-files -z --cached --others --exclude-standard)

((${#files[@]})) || {
  echo "lint-shell: found no shell scripts (is this a git checkout?)" >&2
  exit 1
}
shellcheck --external-sources -- "${files[@]}"
echo "lint-shell: shellcheck passed on ${#files[@]} scripts"
