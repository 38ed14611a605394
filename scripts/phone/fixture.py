#!/usr/bin/env python3
"""Generate ``tests/data/phone/libphonenumber.tsv``, the phone-number oracle.

Every case is an input string and a default region, with what Google's
libphonenumber (through its Python port ``phonenumbers``, pinned below) makes
of it: the E.164 form, validity, the parse error, the E.164 form read back,
and the extension. The cases cover every region libphonenumber supports and
the non-geographic calling codes, written nationally, internationally, with
dialling prefixes and with separators, plus numbers that must be refused,
inputs that libphonenumber accepts but a strict normalizer refuses on
purpose, and the reported regressions.

The output is deterministic: every random choice comes from a
``random.Random`` seeded with a fixed string, and regions are visited in
sorted order, so a rerun writes a byte-identical file.

Usage: python3 scripts/phone/fixture.py [--out PATH]
"""

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

from pinned import pinned_version

PINNED_VERSION = pinned_version()

try:
    import phonenumbers as pn
except ImportError:
    print(
        f"fixture.py needs phonenumbers=={PINNED_VERSION}: "
        "pip install -r scripts/phone/requirements.txt",
        file=sys.stderr,
    )
    sys.exit(2)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "phone" / "libphonenumber.tsv"
SEED = "omnicontact/phone-fixture/v1"

COLUMNS = ("region", "input", "kind", "e164", "valid", "error", "reparsed", "extension")

# Reported regressions: region, input, the E.164 form libphonenumber gives.
REGRESSIONS = (
    ("RU", "8 (800) 555 35 35", "+78005553535"),
    ("RU", "8 (812) 123-45-67", "+78121234567"),
    ("KZ", "8 (800) 123-45-67", "+78001234567"),
    ("BY", "8 801 123 4567", "+3758011234567"),
    ("RW", "250 123 456", "+250250123456"),
)

# Inputs libphonenumber accepts but a strict normalizer refuses on purpose:
# kind, region, input.
DELIBERATE_LITERALS = (
    ("ext", "", "+1 415 555 2671 ext. 99"),
    ("ext", "", "+1 415 555 2671 x89"),
    ("ext", "", "+1 415 555 2671;ext=12"),
    ("letters", "US", "1-800-FLOWERS"),
    ("tel-uri", "", "tel:+1-415-555-2671"),
    ("tel-uri", "GB", "tel:2079460018;phone-context=+44"),
    ("text", "", "Tel: +44 20 7946 0018"),
    ("star", "", "+44 20*7946*0018"),
    ("tilde", "", "+44 20~7946~0018"),
    ("brackets", "", "+44 [20] 7946 0018"),
    ("plus-plus", "", "++44 20 7946 0018"),
    ("bracket-plus", "", "(+44) 20 7946 0018"),
)

# How many regions get the generated deliberate cases (besides the literals).
DELIBERATE_REGION_COUNT = 24

# Where "00 ..." is read: regions whose international prefix is not 00,
# and no region.
IDD_00_READINGS = ("AU", "JP", "KR", "RU", "US", "")

# Numbers made from each example number by varying its trailing digits.
VARIED_PER_EXAMPLE = 2

# Metadata descriptions whose example numbers seed the cases.
DESCS = (
    "general_desc",
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
    "no_international_dialling",
)

# Separator styles, with the separator each puts between digit groups
# ("mixed" draws one per gap from MIXED_SEPARATORS).
STYLE_SEPARATORS = {"spaces": " ", "dashes": "-", "dots": ".", "parens": " ", "mixed": None}
MIXED_SEPARATORS = (" ", "-", ".", " - ", "/")

KEYPAD = {
    "2": "ABC",
    "3": "DEF",
    "4": "GHI",
    "5": "JKL",
    "6": "MNO",
    "7": "PQRS",
    "8": "TUV",
    "9": "WXYZ",
}

FULLWIDTH = str.maketrans("+0123456789", "\uff0b" + "".join(chr(0xFF10 + d) for d in range(10)))

ERROR_NAMES = {
    getattr(pn.NumberParseException, name): name
    for name in (
        "INVALID_COUNTRY_CODE",
        "NOT_A_NUMBER",
        "TOO_SHORT_AFTER_IDD",
        "TOO_SHORT_NSN",
        "TOO_LONG",
    )
}


class Cases:
    """The cases in generation order, keeping the first kind of each (region, input)."""

    def __init__(self):
        self._kinds = {}

    def add(self, kind, region, text):
        """Adds `text` read in `region` ("" for none), built as `kind`."""
        if any(c in text for c in "\t\r\n"):
            raise ValueError(f"input {text!r} contains a tab or a line break")
        self._kinds.setdefault((region, text), kind)

    def items(self):
        """(region, input, kind) triples, in generation order."""
        return [(region, text, kind) for (region, text), kind in self._kinds.items()]


class Written:
    """The ways libphonenumber writes one number."""

    def __init__(self, number):
        self.cc = str(number.country_code)
        self.nsn = pn.national_significant_number(number)
        self.national = pn.format_number(number, pn.PhoneNumberFormat.NATIONAL)
        self.international = pn.format_number(number, pn.PhoneNumberFormat.INTERNATIONAL)
        self.e164 = pn.format_number(number, pn.PhoneNumberFormat.E164)
        self.rfc3966 = pn.format_number(number, pn.PhoneNumberFormat.RFC3966)

    @property
    def after_cc(self):
        """The international form without `+` and the calling code ("20 7946 0018")."""
        return self.international[len(self.cc) + 1 :].lstrip()

    def national_groups(self, prefix):
        """Digit groups of the national form, and the index of the area group."""
        groups = digit_groups(self.national)
        area = 1 if prefix and groups[0] == prefix and len(groups) > 2 else 0
        return groups, area

    def international_groups(self):
        """Digit groups of the international form (the first is `+` and the calling code)."""
        groups = digit_groups(self.international)
        groups[0] = "+" + groups[0]
        return groups


def digit_groups(formatted):
    """The runs of digits in `formatted`; a single run of more than four
    digits is cut into threes with up to four at the end."""
    groups = re.findall(r"\d+", formatted)
    if len(groups) == 1:
        digits, groups = groups[0], []
        while len(digits) > 4:
            groups.append(digits[:3])
            digits = digits[3:]
        groups.append(digits)
    return groups


def join_groups(groups, separators, bracket=None, brackets="()"):
    """`groups` joined by `separators` (one per gap), with the group at index
    `bracket` (if any) enclosed in `brackets`."""
    parts = list(groups)
    if bracket is not None and bracket < len(parts):
        parts[bracket] = brackets[0] + parts[bracket] + brackets[1]
    return parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:]))


def with_style(groups, area, style, rng):
    """`groups` written in the separator `style`."""
    gaps = len(groups) - 1
    if style == "mixed":
        separators = [rng.choice(MIXED_SEPARATORS) for _ in range(gaps)]
    else:
        separators = [STYLE_SEPARATORS[style]] * gaps
    return join_groups(groups, separators, area if style == "parens" else None)


def number_from_nsn(country_code, nsn):
    """The PhoneNumber with this calling code and national significant number,
    leading zeros included."""
    zeros = len(nsn) - len(nsn.lstrip("0"))
    zeros = min(zeros, len(nsn) - 1)
    number = pn.PhoneNumber(country_code=country_code, national_number=int(nsn))
    if zeros:
        number.italian_leading_zero = True
        if zeros > 1:
            number.number_of_leading_zeros = zeros
    return number


def example_nsns(metadata, region):
    """The distinct example national significant numbers for `region` (None
    for a non-geographic calling code): those of every number type, then
    those of the metadata descriptions."""
    examples = []
    if region is not None:
        for number_type in pn.PhoneNumberType.values():
            number = pn.example_number_for_type(region, number_type)
            if number is not None:
                examples.append(pn.national_significant_number(number))
    for name in DESCS:
        desc = getattr(metadata, name)
        if desc is not None and desc.example_number:
            examples.append(desc.example_number)
    return list(dict.fromkeys(examples))


def numbers_from_example(country_code, nsn, rng):
    """The example itself, then VARIED_PER_EXAMPLE numbers with its last one
    to four digits replaced by random ones (the first digit is kept)."""
    numbers = [nsn]
    for _ in range(VARIED_PER_EXAMPLE):
        count = min(rng.randint(1, 4), len(nsn) - 1)
        tail = "".join(rng.choice("0123456789") for _ in range(count))
        numbers.append(nsn[: len(nsn) - count] + tail)
    return [Written(number_from_nsn(country_code, n)) for n in dict.fromkeys(numbers)]


def idd_digits(metadata):
    """The digits a caller in this region dials before a calling code: the
    preferred international prefix, else the international prefix when it is
    plain digits; None when there is neither."""
    if metadata.preferred_international_prefix:
        return re.sub(r"\D", "", metadata.preferred_international_prefix)
    if re.fullmatch(r"\d+", metadata.international_prefix or ""):
        return metadata.international_prefix
    return None


def add_written(cases, written, region, prefix, others, dialling, rng):
    """The national, international, dialling-prefix and separator forms of
    one number of `region`; `others` are the other regions, `dialling` maps
    each region with a plain international dialling prefix to its digits."""
    cases.add("national", region, written.national)
    cases.add("national-plain", region, written.nsn)
    if prefix:
        cases.add("national-prefix", region, prefix + written.nsn)
    for reading in ("", region, rng.choice(others)):
        cases.add("international", reading, written.international)
        cases.add("e164", reading, written.e164)
    own_idd = dialling.get(region)
    if own_idd:
        cases.add("idd", region, f"{own_idd} {written.cc} {written.after_cc}")
    caller = rng.choice(sorted(dialling))
    cases.add("idd", caller, f"{dialling[caller]} {written.cc} {written.after_cc}")
    cases.add("idd-00", rng.choice(IDD_00_READINGS), f"00 {written.cc} {written.after_cc}")
    groups, area = written.national_groups(prefix)
    style = rng.choice(list(STYLE_SEPARATORS))
    cases.add("separators", region, with_style(groups, area, style, rng))
    cases.add(
        "separators",
        rng.choice(("", region)),
        with_style(written.international_groups(), 1, rng.choice(list(STYLE_SEPARATORS)), rng),
    )


def add_unicode(cases, written, region):
    """No-break-space, fullwidth-digit, thin-space and Katakana-dash forms
    of one number of `region`."""
    cases.add("nbsp", region, written.national.replace(" ", "\u00a0"))
    cases.add("nbsp", "", written.international.replace(" ", "\u00a0"))
    cases.add("fullwidth", region, written.national.translate(FULLWIDTH))
    cases.add("fullwidth", "", written.e164.translate(FULLWIDTH))
    cases.add("thin-space", "", written.international.replace(" ", "\u2009"))
    cases.add("thin-space", region, written.national.replace(" ", "\u202f"))
    cases.add("katakana-dash", region, re.sub("[ -]", "\u30fc", written.national))


def add_invalid(cases, written, region, prefix, idd, rng):
    """Inputs built to be refused or invalid, from one number of `region`
    whose international dialling prefix is `idd` (None if it has none)."""
    cc, nsn = written.cc, written.nsn
    short = nsn[: rng.randint(2, 5)]
    cases.add("too-short", region, short)
    cases.add("too-short", "", f"+{cc} {short}")
    if idd:
        cases.add("too-short", region, f"{idd} {cc}")
        cases.add("too-short", region, f"{idd} {cc} {short}")
    extra = rng.randint(17, 19) - len(nsn)
    longer = nsn + "".join(rng.choice("0123456789") for _ in range(extra))
    cases.add("too-long", region, longer)
    cases.add("too-long", "", f"+{cc}{longer}")
    cases.add("bad-prefix", region, ("8" if prefix == "9" else "9") + nsn)
    cases.add("bad-prefix", region, "00" + nsn)
    if prefix:
        cases.add("double-prefix", region, prefix + prefix + nsn)
        cases.add("double-prefix", region, f"{prefix} {written.national}")
        cases.add("prefix-after-code", "", f"+{cc} ({prefix}){written.after_cc}")
        cases.add("prefix-after-code", region, f"+{cc} ({prefix}){written.after_cc}")
        cases.add("prefix-after-code", "", f"+{cc}{prefix}{nsn}")
    cases.add("zeros", region, "0" * len(nsn))
    cases.add("zeros", "", f"+{cc}{'0' * len(nsn)}")
    digit = str(rng.randint(0, 9))
    cases.add("one-digit", region, digit)
    cases.add("one-digit", "", "+" + digit)


def lettered(text, rng):
    """`text` with its last four to seven digits 2-9 replaced by keypad letters."""
    chars = list(text)
    remaining = rng.randint(4, 7)
    for i in reversed(range(len(chars))):
        if remaining and chars[i] in KEYPAD:
            chars[i] = rng.choice(KEYPAD[chars[i]])
            remaining -= 1
    return "".join(chars)


def add_deliberate(cases, written, region, prefix, rng):
    """Inputs libphonenumber accepts and a strict normalizer refuses, from
    one valid number of `region`."""
    intl_groups = written.international_groups()
    groups, area = written.national_groups(prefix)
    ext = str(rng.randint(1, 9999))
    cases.add("ext", "", f"{written.international} ext. {ext}")
    cases.add("ext", "", f"{written.international} x{ext}")
    cases.add("ext", "", f"{written.e164};ext={ext}")
    cases.add("ext", region, f"{written.national} ext {ext}")
    cases.add("letters", region, lettered(written.national, rng))
    cases.add("tel-uri", "", written.rfc3966)
    cases.add("tel-uri", region, f"tel:{written.nsn};phone-context=+{written.cc}")
    cases.add("text", "", f"Tel: {written.international}")
    cases.add("text", region, f"Phone: {written.national}")
    for kind, sep in (("star", "*"), ("tilde", "~")):
        cases.add(kind, "", join_groups(intl_groups, [sep] * (len(intl_groups) - 1)))
        cases.add(kind, region, join_groups(groups, [sep] * (len(groups) - 1)))
    cases.add("brackets", "", join_groups(intl_groups, [" "] * (len(intl_groups) - 1), 1, "[]"))
    cases.add("brackets", region, join_groups(groups, [" "] * (len(groups) - 1), area, "[]"))
    cases.add("plus-plus", "", "++" + written.international[1:])
    cases.add("plus-plus", region, "++" + written.e164[1:])
    cases.add("bracket-plus", "", f"(+{written.cc}) {written.after_cc}")
    cases.add("bracket-plus", region, f"(+{written.cc}){written.after_cc}")


def generate():
    """All cases, as (region, input, kind) triples in generation order."""
    cases = Cases()
    for region, text, _ in REGRESSIONS:
        cases.add("regression", region, text)
    for kind, region, text in DELIBERATE_LITERALS:
        cases.add(kind, region, text)

    regions = sorted(pn.SUPPORTED_REGIONS)
    metadata = {region: pn.PhoneMetadata.metadata_for_region(region) for region in regions}
    dialling = {r: idd for r in regions if (idd := idd_digits(metadata[r]))}
    deliberate = set(random.Random(f"{SEED}:deliberate").sample(regions, DELIBERATE_REGION_COUNT))

    for region in regions:
        rng = random.Random(f"{SEED}:{region}")
        meta = metadata[region]
        prefix = meta.national_prefix
        others = [r for r in regions if r != region]
        for index, nsn in enumerate(example_nsns(meta, region)):
            numbers = numbers_from_example(meta.country_code, nsn, rng)
            for written in numbers:
                add_written(cases, written, region, prefix, others, dialling, rng)
            if index == 0:
                add_unicode(cases, numbers[0], region)
                add_invalid(cases, numbers[0], region, prefix, dialling.get(region), rng)
                if region in deliberate:
                    add_deliberate(cases, numbers[0], region, prefix, rng)

    for country_code in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        rng = random.Random(f"{SEED}:+{country_code}")
        meta = pn.PhoneMetadata.metadata_for_nongeo_region(country_code)
        for nsn in example_nsns(meta, None):
            for written in numbers_from_example(country_code, nsn, rng):
                cases.add("international", "", written.international)
                cases.add("e164", "", written.e164)
                caller = rng.choice(sorted(dialling))
                cases.add("idd", caller, f"{dialling[caller]} {written.cc} {written.after_cc}")
                style = rng.choice(list(STYLE_SEPARATORS))
                intl_groups = written.international_groups()
                cases.add("separators", "", with_style(intl_groups, 1, style, rng))
    return cases.items()


def evaluate(region, text):
    """What libphonenumber makes of `text` read in `region`: the e164, valid,
    error, reparsed and extension columns."""
    try:
        number = pn.parse(text, region or None)
    except pn.NumberParseException as err:
        return ("-", "-", ERROR_NAMES[err.error_type], "-", "-")
    e164 = pn.format_number(number, pn.PhoneNumberFormat.E164)
    try:
        reparsed = pn.format_number(pn.parse(e164, None), pn.PhoneNumberFormat.E164)
    except pn.NumberParseException:
        reparsed = "-"
    valid = "1" if pn.is_valid_number(number) else "0"
    return (e164, valid, "-", reparsed, number.extension or "-")


def header():
    """The comment lines and the column header."""
    return [
        "# Generated by scripts/phone/fixture.py: phone-number cases and what",
        f"# libphonenumber makes of them, through phonenumbers {PINNED_VERSION}.",
        "# Columns (tab-separated, one case a line, '-' for none):",
        "#   region     default region passed to phonenumbers.parse (empty: none)",
        "#   input      the string parsed",
        "#   kind       how the case was built",
        "#   e164       format_number(parse(input, region), E164)",
        "#   valid      1/0: is_valid_number",
        "#   error      NumberParseException type when parse raises",
        "#   reparsed   E.164 of parse(e164, None)",
        "#   extension  the parsed number's extension",
        "# regenerate with: python3 scripts/phone/fixture.py",
        "\t".join(COLUMNS),
    ]


def summarize(rows):
    """Prints case counts to stderr."""
    kinds = Counter(row[2] for row in rows)
    parsed = [row for row in rows if row[3] != "-"]
    valid = sum(row[4] == "1" for row in parsed)
    changed = sum(row[6] != row[3] for row in parsed)
    print(f"{len(rows)} cases", file=sys.stderr)
    for kind, count in sorted(kinds.items()):
        print(f"  {kind:<18} {count}", file=sys.stderr)
    print(
        f"parsed {len(parsed)} (valid {valid}), refused {len(rows) - len(parsed)}, "
        f"reparsed != e164: {changed}",
        file=sys.stderr,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the TSV to write")
    args = parser.parse_args()

    if pn.__version__ != PINNED_VERSION:
        print(
            f"fixture.py needs phonenumbers=={PINNED_VERSION}, found {pn.__version__}: "
            "pip install -r scripts/phone/requirements.txt",
            file=sys.stderr,
        )
        sys.exit(2)

    rows = [(region, text, kind) + evaluate(region, text) for region, text, kind in generate()]
    rows.sort(key=lambda row: (row[0], row[2], row[1]))

    results = {(row[0], row[1]): row[3] for row in rows}
    for region, text, expected in REGRESSIONS:
        if results[(region, text)] != expected:
            print(
                f"regression {text!r} in {region}: libphonenumber gives "
                f"{results[(region, text)]}, expected {expected}",
                file=sys.stderr,
            )
            sys.exit(1)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        for line in header():
            out.write(line + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    summarize(rows)


if __name__ == "__main__":
    main()
