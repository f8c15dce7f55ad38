"""Phone numbers: what a person may type, and the forms the search index holds for a number."""

from __future__ import annotations

import re

import phonenumbers
import pytest

from desktop.domain import synthetic
from desktop.domain.phones import dialled_forms, is_e164
from desktop.store import replica
from desktop.store.worklist import WorklistFilter, fetch_rows, query_ids

#: numbers from countries with one-, two- and three-digit codes, with and without a trunk prefix
NUMBERS = [
    "+221771234567",
    "+12025550143",
    "+33612345678",
    "+447911123456",
    "+2250712345678",
    "+9613123456",
    "+919876543210",
    "+27821234567",
    "+25762123456",
]


@pytest.mark.parametrize("number", NUMBERS)
def test_the_forms_of_a_number_are_the_ones_the_full_parser_gives(number):
    parsed = phonenumbers.parse(number, None)
    national = re.sub(r"\D", "", phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))
    forms = dialled_forms(number)
    assert forms[0] == number[1:], "as dialled abroad, after the international prefix"
    assert phonenumbers.national_significant_number(parsed) in forms
    assert national in forms, "as dialled at home"


def test_numbers_that_are_not_international_are_indexed_as_they_are():
    assert dialled_forms("771234567") == ["771234567"]
    assert dialled_forms("") == dialled_forms(None) == []


@pytest.mark.parametrize("number", ["+221771234567", "+12025550143", "+33612345678"])
def test_an_international_number_of_its_countrys_length_is_accepted(number):
    assert is_e164(number)


@pytest.mark.parametrize(
    "number",
    ["221771234567", "+221 77 123 45 67", "+1202555014", "+3361234567890", "+2217712345", "+", "", "+22177123456a"],
)
def test_a_number_without_its_country_code_or_of_a_wrong_length_is_refused(number):
    assert not is_e164(number)


@pytest.mark.parametrize(
    ("number", "typed"),
    [
        ("+12025550143", ["12025550143", "2025550143"]),
        ("+33612345678", ["33612345678", "612345678", "0612345678"]),
        ("+447911123456", ["447911123456", "07911123456"]),
        ("+221771234567", ["221771234567", "771234567"]),
    ],
)
def test_search_finds_a_member_by_their_number_as_dialled_abroad_and_at_home(store, number, typed):
    records = list(synthetic.change_records(20, 3))
    member = next(
        r for r in records if r["entity_type"] == "Member" and r["data"]["demographic_info"].get("phone_number")
    )
    member["data"]["demographic_info"]["phone_number"] = [number]
    replica.apply_page(store, "SR", records, len(records), "e")
    assigned = {r[0] for r in store.conn.execute("SELECT id FROM members WHERE assigned = 1")}
    assert member["entity_id"] in assigned
    for text in typed:
        rows = fetch_rows(store.conn, query_ids(store.conn, WorklistFilter(text=text)))
        assert [r.id for r in rows.values()] == [member["entity_id"]], text
