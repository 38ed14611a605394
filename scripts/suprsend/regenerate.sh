#!/usr/bin/env bash
# Regenerates SuprSend's provider-conformance suite
# (tests/providers/suprsend.json) from scripts/suprsend/candidates.json:
# each body is validated against the JSON schema SuprSend's Python SDK
# ships (suprsend-py-sdk, pinned with its sha256 in verdicts.py), with the
# jsonschema release pinned in requirements.txt. Then runs the suite.
#
#   scripts/suprsend/regenerate.sh
#
# Needs python3 with venv and the PyPI registry; installs into a throwaway
# virtual environment. CI does not run this: it replays the committed suite.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="$(mktemp -d)"
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet -r scripts/suprsend/requirements.txt
"$venv/bin/python" scripts/suprsend/verdicts.py
cargo test --test provider_conformance
