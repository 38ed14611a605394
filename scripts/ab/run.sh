#!/usr/bin/env bash
# Compares this checkout's validation and conversion speed with revision
# REV's (default: HEAD~1), in one process, as ratios new / old.
#   scripts/ab/run.sh f149b4b
# Builds REV in a temporary git worktree (renamed to version 0.0.1-old so
# both can be linked) and this program in a temporary target directory.
set -euo pipefail
rev="${1:-HEAD~1}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add -q "$work/old" "$rev"
sed -i '0,/^version = .*/s//version = "0.0.1-old"/' "$work/old/Cargo.toml"
mkdir -p "$work/ab"
sed -e "s|@OLD@|$work/old|" -e "s|@NEW@|$root|" -e "s|@MAIN@|$here/src/main.rs|" \
    "$here/Cargo.toml.in" > "$work/ab/Cargo.toml"
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$work/target}" cargo run --release -q --manifest-path "$work/ab/Cargo.toml"
