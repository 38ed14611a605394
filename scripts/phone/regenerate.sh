#!/usr/bin/env bash
# Regenerates the phone metadata tables (src/values/phone/metadata.rs) and
# the libphonenumber fixture (tests/data/phone/libphonenumber.tsv) from the
# python port of libphonenumber, then runs the tests that read them.
#
#   scripts/phone/regenerate.sh            # the release pinned in requirements.txt
#   scripts/phone/regenerate.sh 9.0.34     # move to another release first
#
# Needs python3 with venv and the PyPI registry; installs into a throwaway
# virtual environment. After a new release, review the diff of both files
# and of tests/data/phone/expected-differences.tsv (rewrite its cases with
# OMNICONTACT_BLESS=1 cargo test --test phone_fixture, then check each new
# one), and record the release in CHANGELOG.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="$(mktemp -d)"
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
if [[ $# -gt 0 ]]; then
    # The pin moves only once the release installs.
    "$venv/bin/pip" install --quiet "phonenumbers==$1"
    printf 'phonenumbers==%s\n' "$1" > scripts/phone/requirements.txt
else
    "$venv/bin/pip" install --quiet -r scripts/phone/requirements.txt
fi

"$venv/bin/python" scripts/phone/tables.py
"$venv/bin/python" scripts/phone/fixture.py
cargo test --quiet --lib values::phone
cargo test --quiet --test phone_fixture
