"""Writes libphonenumber's metadata as Rust tables for omnicontact.

Reads the metadata that the python port of libphonenumber (`phonenumbers`,
pinned in requirements.txt) ships, and writes
`src/values/phone/metadata.rs`: for every region (including the
non-ISO regions XK, AC and TA) and every non-geographic calling code, the
patterns and lengths that parsing and validating a number needs, and the
calling-code index. The Rust side compiles each pattern the first time a
number needs it, so nothing is loaded at start-up.

Run through `scripts/phone/regenerate.sh`, or directly:
    python3 scripts/phone/tables.py [--out src/values/phone/metadata.rs]
"""

import argparse
import re
import sys
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import (
    COUNTRY_CODE_TO_REGION_CODE,
    COUNTRY_CODES_FOR_NON_GEO_REGIONS,
    SUPPORTED_REGIONS,
)

from pinned import pinned_version

PINNED = pinned_version()
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "src" / "values" / "phone" / "metadata.rs"

# The number types in the order libphonenumber's `getNumberTypeHelper`
# tries them (fixed line and mobile last), as the Rust `Region::types`.
TYPES = [
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
]


def fail(message):
    print(f"tables.py: {message}", file=sys.stderr)
    sys.exit(2)


def raw(text):
    """A Rust raw string literal holding `text`."""
    hashes = ""
    while f'"{hashes}' in text:
        hashes += "#"
    return f'r{hashes}"{text}"{hashes}'


def lengths(values):
    return "&[" + ", ".join(str(v) for v in values) + "]"


def option(value):
    return "None" if value is None else f"Some({value})"


def transform(rule, pattern):
    """The transform rule in the `regex` crate's replacement syntax
    (`\\1` becomes `${1}`), checked against the pattern's groups."""
    groups = re.compile(pattern).groups
    if groups == 0:
        fail(f"transform rule {rule!r} on a pattern without groups: {pattern!r}")

    def group(match):
        number = int(match.group(1))
        if number > groups:
            fail(f"transform rule {rule!r} names group {number} of {groups}")
        return "${" + str(number) + "}"

    if "$" in rule:
        fail(f"transform rule {rule!r} holds a `$`")
    return re.sub(r"\\(\d)", group, rule)


def desc(d, region, name):
    """A number-type description, or None where the type has no numbers
    (no pattern, or the possible length -1)."""
    if d is None or not d.national_number_pattern or tuple(d.possible_length) == (-1,):
        return None
    if not d.possible_length and name == "general_desc":
        fail(f"{region}: general description without possible lengths")
    example = raw(d.example_number) if d.example_number else None
    return (
        f"Desc::new({raw(d.national_number_pattern)}, "
        f"{lengths(d.possible_length)}, {option(example)})"
    )


def region(meta):
    """One `Region` literal."""
    general = desc(meta.general_desc, meta.id, "general_desc")
    if general is None:
        fail(f"{meta.id}: no general description")
    types = []
    for name in TYPES:
        d = desc(getattr(meta, name), meta.id, name)
        types.append(option(d))
    idd = meta.international_prefix
    npp = meta.national_prefix_for_parsing
    rule = meta.national_prefix_transform_rule
    if rule and not npp:
        fail(f"{meta.id}: a transform rule without a national prefix for parsing")
    fields = [
        f"id: {raw(meta.id)}",
        f"code: {meta.country_code}",
        f"international_prefix: {option(f'Pattern::prefix({raw(idd)})' if idd else None)}",
        f"national_prefix_for_parsing: {option(f'Pattern::prefix({raw(npp)})' if npp else None)}",
        f"transform_rule: {option(raw(transform(rule, npp)) if rule else None)}",
        f"leading_digits: {option(f'Pattern::prefix({raw(meta.leading_digits)})' if meta.leading_digits else None)}",
        f"same_mobile_and_fixed_line: {'true' if meta.same_mobile_and_fixed_line_pattern else 'false'}",
        f"general: {general}",
        f"local_lengths: {lengths(meta.general_desc.possible_length_local_only)}",
        "types: [\n            " + ",\n            ".join(types) + ",\n        ]",
    ]
    return "    Region {\n        " + ",\n        ".join(fields) + ",\n    },\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if phonenumbers.__version__ != PINNED:
        fail(f"phonenumbers {phonenumbers.__version__} installed, {PINNED} pinned")

    regions = [PhoneMetadata.metadata_for_region(r) for r in sorted(SUPPORTED_REGIONS)]
    non_geo = [
        PhoneMetadata.metadata_for_nongeo_region(c)
        for c in sorted(COUNTRY_CODES_FOR_NON_GEO_REGIONS)
    ]
    index = {meta.id: i for i, meta in enumerate(regions)}
    codes = []
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        ids = COUNTRY_CODE_TO_REGION_CODE[code]
        if ids == ("001",):
            plans = [f"Plan::NonGeographic({sorted(COUNTRY_CODES_FOR_NON_GEO_REGIONS).index(code)})"]
        else:
            for id_ in ids:
                if id_ not in index:
                    fail(f"+{code}: region {id_} has no metadata")
            plans = [f"Plan::Region({index[id_]})" for id_ in ids]
        codes.append(f"    ({code}, &[{', '.join(plans)}]),\n")

    out = []
    out.append(
        "// Generated by scripts/phone/tables.py from libphonenumber's metadata as\n"
        f"// shipped by python `phonenumbers` {PINNED}. Do not edit: regenerate with\n"
        "// scripts/phone/regenerate.sh.\n\n"
        "//! libphonenumber's metadata: every region's and non-geographic entity's\n"
        "//! patterns and lengths, and the calling-code index (generated).\n\n"
        "use super::plan::{Desc, Pattern, Plan, Region};\n\n"
        "/// The release of libphonenumber's metadata these tables hold (python\n"
        "/// `phonenumbers`), checked by the tests.\n"
        "#[cfg_attr(not(test), allow(dead_code))]\n"
        f'pub(super) const VERSION: &str = "{PINNED}";\n\n'
        "/// Every region libphonenumber knows (ISO 3166-1 alpha-2 and `AC`, `TA`,\n"
        "/// `XK`), sorted by id.\n"
        f"pub(super) static REGIONS: [Region; {len(regions)}] = [\n"
    )
    out.extend(region(m) for m in regions)
    out.append("];\n\n")
    out.append(
        "/// The non-geographic entities (`001`), sorted by calling code.\n"
        f"pub(super) static NON_GEOGRAPHIC: [Region; {len(non_geo)}] = [\n"
    )
    out.extend(region(m) for m in non_geo)
    out.append("];\n\n")
    out.append(
        "/// Every calling code and its plans, the main region first (sorted by\n"
        "/// code).\n"
        f"pub(super) static CODES: [(u16, &[Plan]); {len(codes)}] = [\n"
    )
    out.extend(codes)
    out.append("];\n")
    args.out.write_text("".join(out), encoding="utf-8")
    print(
        f"tables.py: {len(regions)} regions, {len(non_geo)} non-geographic entities, "
        f"{len(codes)} calling codes -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
