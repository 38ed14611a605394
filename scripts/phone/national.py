#!/usr/bin/env python3
"""Prints the `NATIONAL` table of src/strategies.rs: numbers of its
`ASSIGNED` list written as libphonenumber formats them nationally, with
their region and E.164 form, kept only where libphonenumber reads the
national form (in that region) back to the same number.

    python3 -m venv /tmp/pn && /tmp/pn/bin/pip install -r scripts/phone/requirements.txt
    /tmp/pn/bin/python scripts/phone/national.py

Dev-time only (phonenumbers pinned in requirements.txt); CI replays the
committed table through tests/strategies.rs.
"""
import phonenumbers as p
from phonenumbers import PhoneNumberFormat as F

NUMBERS = [
    "+14155552671", "+442079460018", "+447400123456", "+4915123456789", "+4930123456",
    "+33142764978", "+33612345678", "+37061234567", "+81312345678", "+819012345678",
    "+61212345678", "+61412345678", "+5511912345678", "+919876543210", "+74951234567",
    "+79123456789", "+34912345678", "+390612345678", "+27211234567", "+821012345678",
    "+31201234567", "+46812345678", "+48221234567", "+201001234567", "+525512345678",
    "+380441234567", "+41212345678", "+4319876543", "+3212345678", "+351912345678",
    "+358401234567", "+4722123456", "+353861234567", "+420601123456", "+905321234567",
    "+66812345678", "+84912345678", "+639171234567", "+60123456789", "+64211234567",
    "+541123456789", "+254712345678",
]

for n in NUMBERS:
    number = p.parse(n, None)
    region = p.region_code_for_number(number)
    national = p.format_number(number, F.NATIONAL)
    back = p.format_number(p.parse(national, region), F.E164)
    if back == n and p.is_valid_number(number):
        print(f'    ("{national}", "{region}", "{n}"),')
