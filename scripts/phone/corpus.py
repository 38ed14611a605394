#!/usr/bin/env python3
"""Turn the libphonenumber fixture into a seed corpus for the `phone` fuzz target.

Each case of ``tests/data/phone/libphonenumber.tsv`` becomes one file whose
content is the region followed by the input, in UTF-8 (the fuzz target reads
the first two characters as a region when they are letters naming a country,
else the whole input as a number). A file is named by the first 16 hex digits
of the SHA-1 of its content, so rerunning rewrites the same files.

Usage: python3 scripts/phone/corpus.py [--tsv PATH] [--out DIR]
Needs only the standard library.
"""

import argparse
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TSV = ROOT / "tests" / "data" / "phone" / "libphonenumber.tsv"
DEFAULT_OUT = ROOT / "fuzz" / "corpus" / "phone"


def seeds(tsv):
    """The corpus contents, region + input, of the fixture's cases, in file order."""
    with open(tsv, encoding="utf-8", newline="\n") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines if not line.startswith("#"))
        header = next(rows)
        if header[:2] != ["region", "input"]:
            raise SystemExit(f"{tsv}: expected a header starting with region, input; got {header}")
        for row in rows:
            yield row[0] + row[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tsv", type=Path, default=DEFAULT_TSV, help="the fixture to read")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the corpus directory")
    args = parser.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    names = set()
    for seed in seeds(args.tsv):
        content = seed.encode("utf-8")
        name = hashlib.sha1(content).hexdigest()[:16]
        (args.out / name).write_bytes(content)
        names.add(name)
    print(f"wrote {len(names)} files to {args.out}")


if __name__ == "__main__":
    main()
