"""Programme alerts: previewed per recipient, the unreachable left out with a reason, the rest queued."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop.domain.model import Consent
from desktop.ui.alerts import NO_PHONE, REFUSED, AlertComposer

from .conftest import seed_programmes


def members(bench, with_phone: bool, n: int) -> list[str]:
    condition = "phone IS NOT NULL AND phone != ''" if with_phone else "(phone IS NULL OR phone = '')"
    return [r[0] for r in bench.conn.execute(f"SELECT id FROM members WHERE {condition} ORDER BY id LIMIT ?", (n,))]


@pytest.fixture
def composer(qtbot, bench):
    seed_programmes(bench.cases)

    def make(member_ids):
        widget = AlertComposer(bench, member_ids)
        qtbot.addWidget(widget)
        widget.resize(1100, 640)
        widget.show()
        return widget

    return make


def test_members_without_a_phone_are_listed_and_skipped_and_the_rest_queued(qtbot, bench, composer):
    reachable, unreachable = members(bench, True, 3), members(bench, False, 2)
    widget = composer(reachable + unreachable)
    widget.programme.setCurrentIndex(widget.programme.findData("PRG-PUBW"))
    widget.channel.setCurrentIndex(widget.channel.findData("whatsapp"))
    skipped = {p.member.member_id: p.skipped for p in widget.previews if p.skipped}
    assert skipped == dict.fromkeys(unreachable, NO_PHONE)
    assert widget.table.rowCount() == 5
    assert "Public works" in widget.sendable()[0].text
    with qtbot.waitSignal(widget.queued, timeout=5000) as queued:
        qtbot.mouseClick(widget.send_button, Qt.MouseButton.LeftButton)
    assert len(queued.args[0]) == 3
    rows = bench.conn.execute("SELECT member_id, patch FROM outbox WHERE entity_type = 'OutreachMessage'").fetchall()
    assert sorted(r[0] for r in rows) == sorted(reachable)
    sent = json.loads(rows[0][1])
    assert (sent["channel"], sent["programme_id"]) == ("whatsapp", "PRG-PUBW")
    assert "{" not in sent["text"]
    assert not widget.send_button.isEnabled()  # queued once, not twice


def test_the_french_template_is_used_when_french_is_chosen(bench, composer):
    widget = composer(members(bench, True, 1))
    widget.language.setCurrentIndex(widget.language.findData("fra"))
    assert widget.sendable()[0].text.startswith("Bonjour")
    assert widget.messages()[0].language == "fra"


def test_a_member_who_refused_contact_by_sms_is_left_out(bench, composer):
    member = members(bench, True, 1)[0]
    bench.cases.create(
        Consent(member_id=member, purpose="contact_sms", granted=False, given_on="2026-11-01", method="verbal")
    )
    widget = composer([member])
    widget.channel.setCurrentIndex(widget.channel.findData("sms"))
    assert [p.skipped for p in widget.previews] == [REFUSED]
    assert not widget.send_button.isEnabled()


def test_the_delivery_status_set_by_the_server_shows_on_the_record(qtbot, bench, composer):
    from desktop.store.records import load_record, write_record
    from desktop.ui.record_view import RecordView

    member = members(bench, True, 1)[0]
    widget = composer([member])
    with qtbot.waitSignal(widget.queued, timeout=5000) as queued:
        widget.send()
    message_id = queued.args[0][0]
    view = RecordView(bench, member)
    qtbot.addWidget(view)
    assert "Waiting to be sent" in view.activity.text()
    with bench.cases.store.write() as conn:  # as pulled back from the ESS after delivery
        data = load_record(conn, "OutreachMessage", message_id)[0]
        write_record(
            conn,
            "OutreachMessage",
            message_id,
            member,
            {**data, "delivery_status": "delivered"},
            server_data={**data, "delivery_status": "delivered"},
            version=1,
        )
    view.refresh()
    assert "Delivered" in view.activity.text()
