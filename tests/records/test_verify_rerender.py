"""Issue 11 item 3: the verifier re-renders the record from its signed data and compares page by page, so text
added to a page, a swapped photo or a repainted amount fails with the page named; the genuine record passes.

What differs is reported as coded problems (the reason's `detail`); the tests assert codes and parameters, and one
test words them with the zh_CN catalogue as `inspector verify` does."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import re

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector_app.records import render, verify
from tests import records_sample as rs
from tests.records.test_records import _incremental, check, fontset, org, rendered, sign_all, signed, snapshot  # noqa: F401

pytestmark = pytest.mark.timeout(600)


def _mismatch(report: verify.VerifyReport):  # type: ignore[no-untyped-def]
    return next(r.detail for r in report.reasons if r.code == "visible_content_mismatch")


def _pages(detail) -> list[tuple[str, int, list[str]]]:  # type: ignore[no-untyped-def]
    """(where: signed revision or file now, page number, what differs) of a pages_differ detail."""
    return [(where.code, page.params["page"], [w.code for w in page.problems])
            for where in detail.problems for page in where.problems]


def test_signed_data_carries_the_digests_of_print_images_and_signature_pngs(snapshot, rendered) -> None:  # noqa: F811
    files = {a.name: a.data for a in rendered.attachments}
    record = json.loads(files[render.RECORD_FILE])
    images = json.loads(files[render.IMAGES_FILE])
    photos = [e for e in snapshot.evidence if e.print_image is not None]
    assert photos and images["print_images"] == {
        e.number: hashlib.sha256(e.print_image.read_bytes()).hexdigest() for e in photos}
    assert all(len(i["png"]["sha256"]) == 64 for i in record["signature_images"])
    assert set(images["images"]) == {i["png"]["sha256"] for i in record["signature_images"]}
    for digest, b64 in images["images"].items():
        assert hashlib.sha256(base64.b64decode(b64)).hexdigest() == digest


def test_genuine_record_matches_its_re_render(signed, org) -> None:  # noqa: F811
    report = check(signed, org)
    assert report.ok, verify.describe(report)
    line = next(c for c in report.checks if c.code == "visible_content_matches")
    assert "重新生成" in line.message and line.status == "ok"


def _page(reader, n: int):
    pages = []

    def walk(node):
        node = node.get_object()
        if "/Kids" in node:
            for k in node["/Kids"]:
                walk(k)
        else:
            pages.append(node)

    walk(reader.root["/Pages"])
    return pages[n]


def test_text_added_to_a_page_in_an_incremental_update(signed, org) -> None:  # noqa: F811
    data = signed.read_bytes()
    page = _page(PdfFileReader(io.BytesIO(data), strict=False), 1)
    content = page["/Contents"].get_object().data
    block = re.search(rb"BT\b.*?ET", content, re.S).group(0)  # a line of text of page 2, in its own font

    def add_text(w) -> None:
        moved = b"q 1 0 0 1 0 -40 cm " + block + b" Q"
        ref = w.add_object(generic.StreamObject(stream_data=moved))
        w.add_stream_to_page(1, ref)

    report = check(_incremental(data, add_text), org)
    assert not report.ok and "visible_content_mismatch" in report.codes, verify.describe(report)
    detail = _mismatch(report)
    assert detail.code == "verify.pages_differ"
    assert _pages(detail) == [("verify.in_file_now", 2, ["verify.text_differs"])], detail.english()


def test_replaced_photo_signed_by_the_genuine_officers_fails(snapshot, rendered, fontset, org, tmp_path) -> None:  # noqa: F811
    other = tmp_path / "other.jpg"
    rs.photo_jpeg(other, 77, (800, 600))
    first = snapshot.evidence[0]
    swapped = dataclasses.replace(snapshot, evidence=(dataclasses.replace(first, print_image=other),
                                                      *snapshot.evidence[1:]))
    painted = render.render_record(swapped, fontset)
    # the pages show another photo; the embedded data (and its hash) are the genuine ones
    forged = dataclasses.replace(painted, attachments=rendered.attachments)
    forged = dataclasses.replace(forged, pdf=forged.pdf.replace(painted.content_hash.encode(),
                                                                rendered.content_hash.encode()))
    *_, final = sign_all(forged, snapshot, org)
    report = check(final, org)
    assert not report.ok and "visible_content_mismatch" in report.codes, verify.describe(report)
    detail = _mismatch(report)
    assert detail.codes == ["verify.cannot_rerender", "rerender.photo_not_on_page"], detail.english()
    assert detail.problems[0].params["number"] == first.number


def _repaint_amount(view, page, old: str, new: str) -> bytes:
    """Page content with the text-showing string that prints `old` re-encoded to print `new` in the same font."""
    from inspector_app.records import visible

    fonts = visible._fonts(view, page["/Resources"], lambda o: o.get_object() if hasattr(o, "get_object") else o)
    content = page["/Contents"].get_object().data
    font = None
    for m in visible._TOKEN.finditer(content):
        tok = m.group(0)
        raw = visible._string(tok)
        if raw is None:
            if tok.startswith(b"/") and tok.decode("latin-1") in fonts:  # the operand of the next Tf
                font = fonts[tok.decode("latin-1")]
            continue
        if font is not None and visible._decode(raw, font) == old:
            inverse = {v: k for k, v in font[0].items()}
            encoded = b"".join(inverse[ch] for ch in new)
            return content[:m.start()] + b"<" + encoded.hex().encode() + b">" + content[m.end():]
    raise AssertionError(f"{old} not found on the page")


def test_changed_amount_on_page_2_after_signing(signed, snapshot, org, tmp_path) -> None:  # noqa: F811
    data = signed.read_bytes()
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    old = f"{snapshot.findings[0].amount_involved:,.2f}"
    new = _repaint_amount(reader, _page(reader, 1), old, old.replace("1", "4", 1))

    def edit(w) -> None:
        ref = w.add_object(generic.StreamObject(stream_data=new))
        pg = _page(w, 1)
        pg["/Contents"] = ref
        w.update_container(pg)

    report = check(_incremental(data, edit), org)
    assert not report.ok and "visible_content_mismatch" in report.codes, verify.describe(report)
    detail = _mismatch(report)
    assert _pages(detail) == [("verify.in_file_now", 2, ["verify.text_differs"])], detail.english()
    [shown] = detail.problems[0].problems[0].problems[0].problems
    assert shown.code == "verify.text_shown" and old.replace("1", "4", 1)[:6] in shown.params["shown"]
    # the Chinese report (inspector verify words it with the zh_CN catalogue) reads as it always did
    from inspector_app.ui.cli_words import problem_words

    message = problem_words(tmp_path)(detail)
    assert message.startswith("页面与按签名数据重新生成的页面不一致：当前文件第 2 页：文字不同：显示“…"), message
    assert f"较重{old.replace('1', '4', 1)[:6]}" in message and f"较重{old[:6]}" in message, message


def test_image_added_to_a_page_is_named(signed, org) -> None:  # noqa: F811
    data = signed.read_bytes()

    def add_image(w) -> None:
        img = generic.StreamObject({generic.NameObject("/Type"): generic.NameObject("/XObject"),
                                    generic.NameObject("/Subtype"): generic.NameObject("/Image"),
                                    generic.NameObject("/Width"): generic.NumberObject(2),
                                    generic.NameObject("/Height"): generic.NumberObject(2),
                                    generic.NameObject("/ColorSpace"): generic.NameObject("/DeviceGray"),
                                    generic.NameObject("/BitsPerComponent"): generic.NumberObject(8)},
                                   stream_data=b"\x00\xff\xff\x00")
        ref = w.add_object(img)
        page = _page(w, 0)
        resources = page["/Resources"]
        xobjects = resources.get("/XObject")
        if xobjects is None:
            xobjects = generic.DictionaryObject()
            resources[generic.NameObject("/XObject")] = xobjects
        xobjects[generic.NameObject("/Stamp9")] = ref
        for container in (xobjects, resources, page):
            try:
                w.update_container(container)
            except Exception:  # a direct object: updated with its holder
                pass
        w.add_stream_to_page(0, w.add_object(generic.StreamObject(stream_data=b"q 60 0 0 60 400 700 cm /Stamp9 Do Q")))

    report = check(_incremental(data, add_image), org)
    assert not report.ok and "visible_content_mismatch" in report.codes, verify.describe(report)
    detail = _mismatch(report)
    assert _pages(detail) == [("verify.in_file_now", 1, ["verify.images_differ"])], detail.english()
    assert detail.problems[0].problems[0].problems[0].params == {"extra": 1, "missing": 0}


def test_damaged_page_stream_is_a_finding_not_a_crash(signed, org) -> None:  # noqa: F811
    data = signed.read_bytes()
    raw = _page(PdfFileReader(io.BytesIO(data), strict=False), 1)["/Contents"].get_object().encoded_data
    at = data.index(raw) + len(raw) // 2
    damaged = data[:at] + bytes([data[at] ^ 0x55]) + data[at + 1:]  # the Flate data no longer inflates
    report = check(damaged, org)
    assert not report.ok and {"signature_invalid", "visible_content_mismatch"} <= report.codes, report.codes
