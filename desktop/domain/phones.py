"""Phone numbers, by the rules of the ``phonenumbers`` library (libphonenumber's metadata).

Country codes are one to three digits and a number's length depends on its country, so neither
can be guessed from the digits alone. Checking what a person typed uses the full parser; the
search index, which takes every member of a pull, reads only the library's table of country
codes and national prefixes (a full parse costs some 75 µs a number, 7 s for 100k members).
"""

from __future__ import annotations

import functools

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, PhoneNumberFormat


def is_e164(value: str) -> bool:
    """An international number as the SR stores it (``+``, country code, number, nothing else),
    of a length its country's numbers can have."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) == value and phonenumbers.is_possible_number(
        number
    )


@functools.cache
def _national_prefix(country_code: int) -> str:
    """The trunk prefix dialled before a number at home (``0`` in France, none in Senegal)."""
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    return (metadata.national_prefix or "") if metadata is not None else ""


def dialled_forms(number: str | None) -> list[str]:
    """The digits of a number as dialled abroad and at home, so a search on any of them finds it:
    ``+33612345678`` → ``33612345678``, ``612345678``, ``0612345678``."""
    if not number:
        return []
    digits = number.lstrip("+")
    if not number.startswith("+") or not digits.isdigit():
        return [digits]
    for length in (1, 2, 3):
        country_code = int(digits[:length])
        if country_code in COUNTRY_CODE_TO_REGION_CODE:
            national = digits[length:]
            forms = (digits, national, _national_prefix(country_code) + national)
            return list(dict.fromkeys(f for f in forms if f))
    return [digits]
