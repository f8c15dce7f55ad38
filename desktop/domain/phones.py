"""Phone numbers, by the rules of the ``phonenumbers`` library (libphonenumber's metadata).

Country codes are one to three digits and a number's length depends on its country, so neither
can be guessed from the digits alone. Checking what a person typed uses the full parser; the
search index, which takes every member of a pull, reads only the library's table of country
codes and national prefixes (a full parse costs some 75 µs a number, 7 s for 100k members).
The library is imported on first use: its import takes some 50 ms, which a cold start to the
worklist (1 s) does not need to spend.
"""

from __future__ import annotations

import functools


def is_e164(value: str) -> bool:
    """An international number as the SR stores it (``+``, country code, number, nothing else),
    of a length its country's numbers can have."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) == value and phonenumbers.is_possible_number(
        number
    )


@functools.cache
def _country(first_digits: str) -> tuple[int, str] | None:
    """For a number starting with these (three) digits: the length of its country code (codes
    are prefix-free) and that country's trunk prefix, dialled before a number at home (``0`` in
    France, none in Senegal); None when no country has such a code."""
    import phonenumbers
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    for length in range(1, len(first_digits) + 1):
        country_code = int(first_digits[:length])
        if country_code in COUNTRY_CODE_TO_REGION_CODE:
            region = phonenumbers.region_code_for_country_code(country_code)
            metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
            return length, (metadata.national_prefix or "") if metadata is not None else ""
    return None


def dialled_forms(number: str | None) -> list[str]:
    """The digits of a number as dialled abroad and at home, so a search on any of them finds it:
    ``+33612345678`` → ``33612345678``, ``612345678``, ``0612345678``."""
    if not number:
        return []
    digits = number.lstrip("+")
    found = _country(digits[:3]) if number.startswith("+") and digits.isdigit() else None
    if found is None:
        return [digits]
    length, trunk = found
    national = digits[length:]
    forms = [digits, national] if national else [digits]
    if trunk and national and trunk + national != digits:
        forms.append(trunk + national)
    return forms
