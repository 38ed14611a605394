"""The `phonenumbers` release the phone tables and fixture are generated
from: the one pinned in requirements.txt beside this file, the single place
a new metadata release is named."""

import re
from pathlib import Path


def pinned_version():
    """The version of `phonenumbers==X` in requirements.txt."""
    text = (Path(__file__).resolve().parent / "requirements.txt").read_text()
    match = re.search(r"^phonenumbers==(\S+)$", text, re.M)
    if match is None:
        raise SystemExit("scripts/phone/requirements.txt pins no phonenumbers version")
    return match.group(1)
