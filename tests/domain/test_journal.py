"""The hash-chained journal detects an edited, deleted, inserted or reordered event, in memory and on disk."""

import dataclasses

from inspector_app.domain.journal import GENESIS, make_event, verify_chain
from tests.conftest import raw_connect


def chain(n: int = 5) -> list:
    events, prev = [], GENESIS
    for i in range(1, n + 1):
        e = make_event("c1", i, f"2026-11-20T09:0{i}:00+00:00", "陈明哲", "laptop", "answer.changed",
                       {"item": f"H-0{i}", "new": "yes"}, prev)
        events.append(e)
        prev = e.hash
    return events


def test_intact_chain_verifies_and_reports_its_head() -> None:
    events = chain()
    report = verify_chain(events, expected_head=events[-1].hash)
    assert report.ok and report.length == 5 and report.head == events[-1].hash


def test_edited_payload_is_detected_at_its_sequence() -> None:
    events = chain()
    events[2] = dataclasses.replace(events[2], payload={"item": "H-03", "new": "no"})
    report = verify_chain(events)
    assert not report.ok and [(p.code, p.params) for p in report.problems] == [("journal.event_modified", {"seq": 3})]


def test_deleted_event_is_detected() -> None:
    events = chain()
    del events[1]
    report = verify_chain(events)
    assert not report.ok and report.problems[0].code == "journal.sequence_gap"
    assert report.problems[0].params == {"count": 2, "seq": 3, "expected": 2}


def test_deleted_last_event_is_detected_against_the_recorded_head() -> None:
    events = chain()
    head = events[-1].hash
    assert verify_chain(events[:-1]).ok  # alone it looks fine: that's why the head is printed and embedded
    assert [p.code for p in verify_chain(events[:-1], expected_head=head).problems] == ["journal.tail_mismatch"]


def test_inserted_event_is_detected() -> None:
    events = chain()
    forged = make_event("c1", 3, "2026-11-20T09:02:30+00:00", "x", "x", "answer.changed", {}, events[1].hash)
    events.insert(2, forged)
    assert not verify_chain(events).ok


def test_reordered_events_are_detected() -> None:
    events = chain()
    events[1], events[2] = events[2], events[1]
    assert not verify_chain(events).ok


def test_tampering_with_the_stored_journal_is_detected(app, roster) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import new_inspection

    iid = new_inspection(app, roster)
    assert app.journal.verify(iid).ok
    db = str(app.paths.database)
    app.close()
    con = raw_connect(db)
    con.execute("UPDATE journal_events SET payload = replace(payload, '测试', '改过') WHERE chain_id = ? AND seq = 1",
                (iid,))
    con.commit()
    con.close()
    report = app.journal.verify(iid)
    assert not report.ok and (report.problems[0].code, report.problems[0].params) == ("journal.event_modified",
                                                                                      {"seq": 1})


def test_deleting_a_stored_event_is_detected(app, roster) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import new_inspection

    iid = new_inspection(app, roster)
    con = raw_connect(app.paths.database)
    con.execute("DELETE FROM journal_events WHERE chain_id = ? AND seq = 2", (iid,))
    con.commit()
    con.close()
    assert not app.journal.verify(iid).ok
