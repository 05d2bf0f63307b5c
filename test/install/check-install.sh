#!/usr/bin/env bash
# Installs factlint the ways the README says, each in an empty folder, and checks the seed article
# with the result (exit 1, the Scholz error):
#   1. a tarball from `npm pack`, installed with `npm install ./factlint-*.tgz`, run with `npx factlint`;
#   2. a git URL (`npm install git+file://…`: npm clones, `prepare` builds);
#   3. the pre-commit hook: with `pre-commit try-repo` when pre-commit is installed, and always by
#      its install steps (npm install in a clone, npm pack, npm install -g of the tarball) with the
#      dev dependencies left out, which is what the hook must survive.
# Uses the committed HEAD for 2 and 3 (as pre-commit does). Usage: bash test/install/check-install.sh [--quick]
# (--quick: the tarball only).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/factlint-install-XXXXXX)"
trap 'rm -rf "$work"' EXIT
seed="$root/corpus/seed-1-paris-peace-talks.md"
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# The seed article must exit 1 and name the Scholz error.
expect_scholz() {
  local what="$1"
  shift
  local status=0
  "$@" > "$work/out.txt" 2> "$work/err.txt" || status=$?
  if [ "$status" -ne 1 ] || ! grep -q 'Quote attributed to “Scholz”' "$work/out.txt"; then
    echo "check-install: $what: expected exit 1 with the Scholz finding, got exit $status" >&2
    cat "$work/out.txt" "$work/err.txt" >&2
    exit 1
  fi
  echo "check-install: $what: ok (exit 1, the Scholz error)"
}

echo "== 1. tarball: npm pack, then npm install ./factlint-*.tgz in an empty folder"
(cd "$root" && npm pack --loglevel=error --pack-destination "$work" > "$work/pack.txt")
tarball="$work/$(tail -n 1 "$work/pack.txt")"
mkdir "$work/from-tarball"
cp "$seed" "$work/from-tarball/seed.md"
(cd "$work/from-tarball" && npm install --loglevel=error --no-progress "$tarball" > /dev/null)
expect_scholz 'tarball install, npx factlint check' bash -c "cd '$work/from-tarball' && npx --no-install factlint check seed.md"
(cd "$work/from-tarball" && npx --no-install factlint --version)
[ "${1:-}" = "--quick" ] && exit 0

echo "== 2. git URL: npm install git+file://… (prepare builds in npm's clone)"
mkdir "$work/from-git"
cp "$seed" "$work/from-git/seed.md"
(cd "$work/from-git" && npm install --loglevel=error --no-progress "git+file://$root" > /dev/null)
expect_scholz 'git URL install, npx factlint check' bash -c "cd '$work/from-git' && npx --no-install factlint check seed.md"

echo "== 3. the pre-commit hook's install, without dev dependencies"
git clone -q "$root" "$work/hook"
(
  cd "$work/hook"
  npm install --loglevel=error --omit=dev --no-progress --no-save > /dev/null
  for tool in typescript vitest @biomejs/biome playwright-core; do
    if [ -e "node_modules/$tool" ]; then
      echo "check-install: $tool was installed: the dev toolchain is not left out" >&2
      exit 1
    fi
  done
  # pre-commit takes npm pack's whole standard output as the tarball's name.
  npm pack --loglevel=error > "$work/hook-pack.txt"
  if [ "$(wc -l < "$work/hook-pack.txt")" -ne 1 ] || ! grep -qx 'factlint-.*\.tgz' "$work/hook-pack.txt"; then
    echo "check-install: npm pack printed more than the tarball's name:" >&2
    cat "$work/hook-pack.txt" >&2
    exit 1
  fi
  npm install -g --loglevel=error --prefix "$work/hook-env" --no-progress "./$(cat "$work/hook-pack.txt")" > /dev/null
)
expect_scholz 'hook install steps, factlint check' "$work/hook-env/bin/factlint" check "$seed"

if command -v pre-commit > /dev/null; then
  echo "== 3b. pre-commit try-repo (pre-commit $(pre-commit --version | cut -d' ' -f2))"
  mkdir "$work/articles"
  cp "$seed" "$work/articles/seed.md"
  (cd "$work/articles" && git init -q && git add seed.md)
  expect_scholz 'pre-commit try-repo' bash -c \
    "cd '$work/articles' && PRE_COMMIT_HOME='$work/pre-commit-home' pre-commit try-repo '$root' factlint --files seed.md"
else
  echo "check-install: pre-commit is not installed: its install steps were reproduced above instead"
fi
