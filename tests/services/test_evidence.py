"""Evidence import, verification, deduplication, links, soft deletion and thumbnails (all media made at test time)."""

from __future__ import annotations

import datetime as dt
import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select, update

from inspector_app.domain.errors import FrozenRecord, ValidationError
from inspector_app.domain.evidence import Measure
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.storage import media
from inspector_app.storage.media import MediaRefused
from inspector_app.storage.orm import EvidenceRow, InspectionRow, JournalEventRow, OutboxRow
from tests import imaging
from tests.helpers import answer_ids, lead, new_inspection, start_on_site


@pytest.fixture
def site(app, roster):  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    return iid


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def counts(app):  # type: ignore[no-untyped-def]
    with app.ctx.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (EvidenceRow, JournalEventRow, OutboxRow))


def leftovers(app) -> list[Path]:  # type: ignore[no-untyped-def]
    roots = (app.paths.blobs_dir, app.paths.thumbnails_dir)
    return [p for r in roots if r.exists() for p in r.rglob("*") if p.name.startswith((".incoming-", ".tmp-"))]


def test_exif_photo_byte_identical_with_time_gps_upright_thumb(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    data = imaging.exif_jpeg((400, 300), orientation=6, gps=imaging.GPS_N_E)
    src = write(tmp_path, "IMG_0001.jpg", data)
    report = app.evidence.import_files(lead(roster), site, [src], caption="药房货架")
    assert not report.refused and not report.duplicates
    (ev,) = report.imported
    assert app.evidence.original_path(ev.id).read_bytes() == data
    assert ev.sha256 == hashlib.sha256(data).hexdigest() and ev.size == len(data)
    assert (ev.kind, ev.mime, ev.measure, ev.caption, ev.source_name) == (
        "photo", "image/jpeg", Measure.PHOTO.value, "药房货架", "IMG_0001.jpg")
    assert ev.captured_at == dt.datetime(2026, 11, 20, 1, 15, 2, tzinfo=dt.timezone.utc)  # 09:15:02 +08:00
    assert ev.meta["gps"] == {"lat": "31.2304167", "lon": "121.4737000", "alt": "12.5"}
    assert ev.meta["camera"] == {"make": "HUAWEI", "model": "P60 Pro"}
    assert (ev.meta["width"], ev.meta["height"], ev.meta["orientation"]) == (400, 300, 6)
    assert ev.meta["captured_offset_assumed"] is False and ev.meta["origin"] == "file"

    thumb = app.evidence.thumbnail(ev.id)
    with Image.open(thumb) as t:
        assert t.size == (240, 320), "orientation 6: stored 400×300 is shown 300×400"
        r, g, b = t.convert("RGB").getpixel((t.width - 10, 10))  # stored top-left corner → displayed top-right
        assert r > 180 and g < 80 and b < 80
    thumb.unlink()
    assert app.evidence.thumbnail(ev.id) == thumb and thumb.exists(), "the cache is rebuilt on demand"
    with app.evidence.original_path(ev.id).open("rb") as f:
        assert media.display_image(f.read(), 100).size == (75, 100)


def test_time_without_offset_is_china_time_and_gps_south_west(app, roster, site):  # type: ignore[no-untyped-def]
    gps = {1: "S", 2: (33.0, 52.0, 4.0), 3: "W", 4: (70.0, 39.0, 0.0)}
    result = app.evidence.add_bytes(lead(roster), site, imaging.exif_jpeg(offset=None, gps=gps), "pasted.jpg")
    ev = result.evidence
    assert ev.captured_at == dt.datetime(2026, 11, 20, 1, 15, 2, tzinfo=dt.timezone.utc)
    assert ev.meta["captured_offset"] == "+08:00" and ev.meta["captured_offset_assumed"] is True
    assert ev.meta["gps"]["lat"].startswith("-33.8677") and ev.meta["gps"]["lon"] == "-70.6500000"
    assert ev.meta["origin"] == "paste"


def test_truncated_jpeg_refused_while_the_batch_goes_on(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    good = imaging.exif_jpeg(seed=1)
    broken = imaging.exif_jpeg((800, 600), seed=2)
    files = [write(tmp_path, "a.jpg", good), write(tmp_path, "b.jpg", broken[: len(broken) * 2 // 3]),
             write(tmp_path, "c.jpg", imaging.exif_jpeg(seed=3)), write(tmp_path, "d.pdf", imaging.pdf_bytes())]
    seen: list[tuple[int, int, str]] = []
    report = app.evidence.import_files(lead(roster), site, files, progress=lambda *a: seen.append(a))
    assert [e.source_name for e in report.imported] == ["a.jpg", "c.jpg", "d.pdf"]
    assert [(r.name, r.code) for r in report.refused] == [("b.jpg", "evidence.image_truncated")]
    assert seen == [(1, 4, "a.jpg"), (2, 4, "b.jpg"), (3, 4, "c.jpg"), (4, 4, "d.pdf")]
    assert len(app.evidence.list(site)) == 3


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("size", [(20000, 20000), (12000, 11000)])  # Pillow's own hard limit; our 120 MP limit
def test_decompression_bomb_is_refused(app, roster, site, tmp_path, size):  # type: ignore[no-untyped-def]
    bomb = imaging.png_bomb(*size)
    assert len(bomb) < 200_000
    before = counts(app)
    report = app.evidence.import_files(lead(roster), site, [write(tmp_path, "scan.png", bomb)])
    assert not report.imported and report.refused[0].code == "evidence.too_many_pixels"
    assert counts(app) == before and not any(app.paths.blobs_dir.rglob("*" + hashlib.sha256(bomb).hexdigest()))


@pytest.mark.parametrize("name,data,code", [
    ("report.docx", imaging.docx_like(), "evidence.office_document"),
    ("photo.jpg", imaging.random_bytes(), "evidence.unknown_type"),
    ("IMG_1234.HEIC", imaging.heic_header(), "evidence.heif_unsupported"),
    ("empty.jpg", b"", "evidence.empty_file"),
    ("scan.pdf", imaging.pdf_bytes()[:-40], "evidence.pdf_truncated"),
])
def test_unsupported_or_broken_files_are_refused(app, roster, site, tmp_path, name, data,  # type: ignore[no-untyped-def]
                                                  code):
    before = counts(app)
    report = app.evidence.import_files(lead(roster), site, [write(tmp_path, name, data)])
    assert [(r.name, r.code) for r in report.refused] == [(name, code)]
    assert counts(app) == before
    with pytest.raises(MediaRefused) as refused:
        app.evidence.add_bytes(lead(roster), site, data, name)
    assert refused.value.code == code


def test_pdf_is_accepted_as_a_document(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    report = app.evidence.import_files(lead(roster), site, [write(tmp_path, "处方.pdf", imaging.pdf_bytes(3))],
                                       measure=Measure.COPY)
    (ev,) = report.imported
    assert (ev.kind, ev.mime, ev.measure, ev.meta["pages"]) == ("document", "application/pdf", "复印", 3)
    assert app.evidence.thumbnail(ev.id) is None


@pytest.mark.parametrize("head,kind,mime", [
    (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "audio_video", "video/mp4"),
    (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", "audio_video", "video/quicktime"),
    (b"\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00", "audio_video", "audio/mp4"),
    (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio_video", "audio/mpeg"),
    (b"\xff\xfb\x90\x64\x00\x00", "audio_video", "audio/mpeg"),
    (b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio_video", "audio/wav"),
])
def test_audio_and_video_are_recognised_by_content(head, kind, mime) -> None:  # type: ignore[no-untyped-def]
    info = media.probe(head + b"\x00" * 64)
    assert (info.kind.value, info.mime) == (kind, mime)


def test_a_duplicate_is_recognised_and_stored_once(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    data = imaging.exif_jpeg(seed=5)
    first = app.evidence.import_files(lead(roster), site, [write(tmp_path, "one.jpg", data)]).imported[0]
    before = counts(app)
    report = app.evidence.import_files(lead(roster), site, [write(tmp_path, "copy of one.jpg", data),
                                                            write(tmp_path, "again.jpg", data)])
    assert not report.imported
    assert [(d.name, d.evidence_id) for d in report.duplicates] == [("copy of one.jpg", first.id),
                                                                     ("again.jpg", first.id)]
    assert counts(app) == before, "a duplicate writes no row, no journal event, no outbox row"
    assert len(list(app.paths.blobs_dir.rglob(first.sha256))) == 1
    other = new_inspection(app, roster)  # the same content in another inspection is evidence there too
    assert not app.evidence.add_bytes(lead(roster), other, data, "one.jpg").duplicate
    assert len(list(app.paths.blobs_dir.rglob(first.sha256))) == 1, "but the file is stored once"


def test_links_soft_delete_and_the_journal_keeps_the_item(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    actor = lead(roster)
    answer = answer_ids(app, site)["T-01"]
    finding, _ = app.findings.add(actor, site, FindingData("超范围用药", Severity.SERIOUS))
    data = imaging.exif_jpeg(seed=9)
    report = app.evidence.import_files(actor, site, [write(tmp_path, "x.jpg", data)], link=("finding", finding.id))
    ev = report.imported[0]
    assert ev.links == (("finding", finding.id),)
    app.evidence.link(actor, ev.id, "answer", answer)
    assert app.findings.list(site)[0].evidence_ids == (ev.id,)
    other = new_inspection(app, roster)
    with pytest.raises(ValidationError) as caught:
        app.evidence.link(actor, ev.id, "answer", answer_ids(app, other)["T-01"])
    assert caught.value.code == "evidence.link_target_missing"
    with pytest.raises(ValidationError) as caught:
        app.evidence.remove(actor, ev.id, " ")
    assert caught.value.code == "evidence.removal_needs_reason"

    changes = app.evidence.remove(actor, ev.id, "拍摄对象错误")
    assert changes.findings == {finding.id} and changes.answers == {answer}
    assert app.evidence.list(site) == [] and app.findings.list(site)[0].evidence_ids == ()
    assert app.evidence.get(ev.id).sha256 == ev.sha256 and app.evidence.original_path(ev.id).read_bytes() == data
    with pytest.raises(ValidationError) as caught:
        app.evidence.set_caption(actor, ev.id, "x")
    assert caught.value.code == "evidence.not_found_or_deleted"
    events = app.journal.events(site)
    added = next(e for e in events if e.event_type == "evidence.added")
    assert added.payload["id"] == ev.id and added.payload["data"]["sha256"] == ev.sha256
    removed = events[-1]
    assert removed.event_type == "evidence.removed" and removed.payload["reason"] == "拍摄对象错误"
    assert sorted(map(tuple, removed.payload["links"])) == sorted([("finding", finding.id), ("answer", answer)])
    assert app.journal.verify(site).ok

    again = app.evidence.add_bytes(actor, site, data, "x.jpg")  # importing it again brings the same item back
    assert again.evidence.id == ev.id and not again.duplicate and again.evidence.links == ()
    assert app.journal.events(site)[-1].event_type == "evidence.restored"


def test_cancel_leaves_no_half_rows_or_temp_files(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    files = [write(tmp_path, f"{i}.jpg", imaging.exif_jpeg(seed=20 + i)) for i in range(5)]
    stop = {"now": False}
    report = app.evidence.import_files(lead(roster), site, files, cancelled=lambda: stop["now"],
                                       progress=lambda done, total, name: stop.update(now=done == 2))
    assert report.cancelled and [e.source_name for e in report.imported] == ["0.jpg", "1.jpg"]
    assert counts(app)[0] == 2 and not leftovers(app)

    big = write(tmp_path, "big.jpg", imaging.exif_jpeg((3000, 2000), seed=3, texture=True))
    calls = iter([False] + [True] * 100)  # passes the check between files, fires while the file is read
    before = counts(app)
    report = app.evidence.import_files(lead(roster), site, [big], cancelled=lambda: next(calls))
    assert report.cancelled and not report.imported and counts(app) == before and not leftovers(app)
    assert not app.ctx.blobs.has(hashlib.sha256(big.read_bytes()).hexdigest())


def test_every_change_has_a_journal_event_and_an_outbox_row(app, roster, site):  # type: ignore[no-untyped-def]
    actor = lead(roster)
    answer = answer_ids(app, site)["T-02"]
    with app.ctx.read() as s:
        seq0 = s.scalar(select(func.max(OutboxRow.client_seq)))
    ev = app.evidence.add_bytes(actor, site, imaging.png_bytes(), "clip.png").evidence
    app.evidence.set_caption(actor, ev.id, "截图：结算清单")
    app.evidence.set_caption(actor, ev.id, "截图：结算清单")  # no change: nothing recorded
    app.evidence.link(actor, ev.id, "answer", answer)
    app.evidence.link(actor, ev.id, "answer", answer)  # already linked: nothing recorded
    app.evidence.unlink(actor, ev.id, "answer", answer)
    app.evidence.link(actor, ev.id, "answer", answer)
    app.evidence.remove(actor, ev.id, "重复")
    with app.ctx.read() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.client_seq > seq0).order_by(OutboxRow.client_seq)).all()
        assert [(r.entity, r.op) for r in rows] == [
            ("evidence", "create"), ("evidence", "patch"), ("evidence_link", "create"), ("evidence_link", "patch"),
            ("evidence_link", "patch"), ("evidence_link", "patch"), ("evidence", "patch")]
    types = [e.event_type for e in app.journal.events(site) if e.event_type.startswith("evidence.")]
    assert types == ["evidence.added", "evidence.changed", "evidence.linked", "evidence.unlinked",
                     "evidence.linked", "evidence.removed"]
    assert app.journal.verify(site).ok
    assert ev.meta["format"] == "PNG" and ev.meta["origin"] == "paste"
    with Image.open(app.evidence.thumbnail(ev.id)) as t:
        assert t.mode == "RGB" and t.size == (64, 48)


def test_a_frozen_inspection_refuses_evidence(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    ev = app.evidence.add_bytes(lead(roster), site, imaging.exif_jpeg(), "a.jpg").evidence
    with app.ctx.unit(lead(roster)) as uow:  # shortcut: signing itself is tested in test_inspection_services
        uow.session.execute(update(InspectionRow).where(InspectionRow.id == site).values(status="signed"))
    before = counts(app)
    with pytest.raises(FrozenRecord) as caught:
        app.evidence.import_files(lead(roster), site, [write(tmp_path, "b.jpg", imaging.exif_jpeg(seed=4))])
    assert caught.value.code == "rules.wrong_status"
    with pytest.raises(FrozenRecord):
        app.evidence.remove(lead(roster), ev.id, "x")
    with pytest.raises(FrozenRecord):
        app.evidence.set_caption(lead(roster), ev.id, "x")
    assert counts(app) == before


def test_prepare_on_threads_commit_on_one_writer(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    files = [write(tmp_path, f"w{i}.jpg", imaging.exif_jpeg((640, 480), seed=40 + i)) for i in range(8)]
    files.append(files[0])  # the same file twice in one parallel batch
    with ThreadPoolExecutor(4) as pool:
        prepared = list(pool.map(app.evidence.prepare, files))
    assert all(p.thumbnail is not None and p.thumbnail.exists() for p in prepared)
    with ThreadPoolExecutor(1) as writer:  # the single writer need not be the main thread
        results = list(writer.map(lambda p: app.evidence.commit(lead(roster), site, p), prepared))
    assert [r.duplicate for r in results] == [False] * 8 + [True]
    assert len(app.evidence.list(site)) == 8 and not leftovers(app) and app.journal.verify(site).ok
    extra = app.evidence.prepare_bytes(imaging.exif_jpeg(seed=99), "race.jpg")
    with ThreadPoolExecutor(4) as writers:  # racing writers are serialised by BEGIN IMMEDIATE: still stored once
        raced = list(writers.map(lambda _: app.evidence.commit(lead(roster), site, extra), range(4)))
    assert sorted(r.duplicate for r in raced) == [False, True, True, True]
    assert len({r.evidence.id for r in raced}) == 1 and app.journal.verify(site).ok


@pytest.mark.parametrize("fmt,frames,mode,mime", [
    ("TIFF", 3, "RGB", "image/tiff"), ("WEBP", 1, "RGB", "image/webp"), ("MPO", 2, "RGB", "image/jpeg"),
    ("JPEG", 1, "L", "image/jpeg"), ("PNG", 1, "L", "image/png"),
])
def test_other_image_containers_decode_and_thumbnail(fmt, frames, mode, mime) -> None:  # type: ignore[no-untyped-def]
    data = imaging.encoded(fmt, frames=frames, mode=mode)
    info, thumb = media.analyse(data, 64)
    assert (info.mime, info.frames, info.width, info.height) == (mime, frames, 120, 90)
    assert thumb is not None and thumb.mode == "RGB" and thumb.size == (64, 48)
    if frames > 1:  # a later page cut off is caught too
        with pytest.raises(MediaRefused):
            media.probe(data[: len(data) - 200])
