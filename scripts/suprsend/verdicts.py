#!/usr/bin/env python3
"""Writes tests/providers/suprsend.json, SuprSend's provider-conformance suite.

Dev-time only (CI replays the committed output, without network); run it
through `scripts/suprsend/regenerate.sh`, which installs the pinned
`requirements.txt` into a throwaway virtual environment.

It downloads SuprSend's Python SDK wheel (suprsend-py-sdk==0.20.0, checked
by its sha256) from PyPI, reads the JSON schema the SDK validates requests
with (`suprsend/request_json/workflow_trigger.json`), and validates each
candidate body of `candidates.json` against its `user_setting` definition
exactly as the SDK does (`jsonschema.Draft7Validator`, no format checker:
`src/suprsend/request_schema.py`). A case's verdict is the schema's, unless
the case cites the user endpoint's own API reference (`"reference": true`),
which outranks the workflow-trigger schema for this endpoint; the schema's
verdict and errors are recorded beside it either way.
"""

import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import jsonschema

SDK = "suprsend-py-sdk==0.20.0"
WHEEL = "suprsend_py_sdk-0.20.0-py3-none-any.whl"
WHEEL_SHA256 = "27c22927cb12535bf424afc97515e92f95f15f2bcdbea928b5c87490fc05913b"
JSONSCHEMA = "4.26.0"

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "tests" / "providers" / "suprsend.json"


def schema(candidates):
    """The SDK's schema, from the pinned wheel."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", SDK, "-d", tmp],
            check=True,
        )
        wheel = Path(tmp) / WHEEL
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            sys.exit(f"{WHEEL}: sha256 {digest}, expected {WHEEL_SHA256}")
        with zipfile.ZipFile(wheel) as z:
            return json.loads(z.read(candidates["schema_file"]))


def main():
    from importlib.metadata import version

    if version("jsonschema") != JSONSCHEMA:
        sys.exit(f"jsonschema {version('jsonschema')} installed, {JSONSCHEMA} pinned")
    candidates = json.loads((HERE / "candidates.json").read_text())
    full = schema(candidates)
    # The body of a user is the schema's `user_setting`, with its references.
    user = {"$ref": "#/definitions/user_setting", "definitions": full["definitions"]}
    jsonschema.Draft7Validator.check_schema(user)
    validator = jsonschema.Draft7Validator(user)
    cases = []
    for c in candidates["cases"]:
        body = c["body"]["body"] if c.get("envelope") else c["body"]
        errors = sorted(
            f"{'/' + '/'.join(str(p) for p in e.absolute_path)}: {e.message}"
            for e in validator.iter_errors(body)
        )
        schema_accepts = not errors
        case = {"name": c["name"], "source": c["source"]}
        if c.get("envelope"):
            case["envelope"] = True
        case["body"] = c["body"]
        case["accepted"] = True if c.get("reference") else schema_accepts
        case["verdict"] = "API reference" if c.get("reference") else "schema"
        case["schema"] = {"accepted": schema_accepts, "errors": errors}
        cases.append(case)
    suite = {
        "provider": "suprsend",
        "sources": [
            f"{SDK} (PyPI, wheel sha256 {WHEEL_SHA256}) src/suprsend/request_json/workflow_trigger.json, validated with jsonschema {JSONSCHEMA} Draft7Validator as src/suprsend/request_schema.py does",
            "suprsend/documentation openapi.yaml (https://docs.suprsend.com/reference/create-update-users, https://docs.suprsend.com/reference/edit-user-profile)",
            "../shared/seeds/002_b833f50553ec43a3.txt (the create / update user reference page as first read)",
            "suprsend/suprsend-go examples/users_api_example.go, users_api.go",
            "suprsend/suprsend-java-sdk src/test/TestUsersApi.java",
            "@suprsend/node-sdk 1.15.1 README.md",
            "suprsend-py-sdk README (0.16.0), src/suprsend/users_api.py, user_edit_internal_helper.py; subscriber_helper.py before 7017b27",
        ],
        "generator": f"scripts/suprsend/verdicts.py ({SDK}, jsonschema {JSONSCHEMA})",
        "cases": cases,
        "differences": candidates["differences"],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(suite, indent=2, ensure_ascii=False) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(cases)} cases")


if __name__ == "__main__":
    main()
