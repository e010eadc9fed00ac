"""Photos taken in the app with a visible stamp: the stamp (time in Asia/Shanghai, place, officer, number) is drawn on
the print copy the record's evidence pages use; the original evidence stays byte-identical and the signed record
still verifies (its pages re-rendered from the signed data and the embedded print copy)."""

from __future__ import annotations

import hashlib
import io

from PIL import Image

from inspector_app.services import photo_stamp
from inspector_app.services.context import Actor
from tests.helpers import lead
from tests.services.test_onsite_documents import check_pdf
from tests.services.test_seizures import photo
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401 - fixture


def test_camera_photo_is_printed_stamped_and_the_original_is_untouched(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    original = photo(7, (1200, 900))
    digest = hashlib.sha256(original).hexdigest()
    extra = photo_stamp.camera_stamp(app.ctx, iid, o1.name)
    assert extra["stamp"]["officer"] == o1.name and extra["stamp"]["place"]
    stamped = app.evidence.add_bytes(lead(roster), iid, original, "camera.jpg", origin="camera",
                                     extra_meta=extra).evidence
    plain = app.evidence.add_bytes(lead(roster), iid, photo(8, (1200, 900)), "camera2.jpg", origin="camera").evidence
    copy = photo_stamp.print_copy(app.evidence, stamped.id, 1600).read_bytes()
    assert photo_stamp.print_copy(app.evidence, plain.id, 1600) == app.evidence.display_path(plain.id, 1600)
    # the band darkens the bottom of the print copy; the original evidence is byte-identical
    img = Image.open(io.BytesIO(copy)).convert("L")
    assert img.size == (1200, 900)
    assert sum(img.crop((0, 800, 1200, 900)).get_flattened_data()) < 1200 * 100 * 100
    assert app.ctx.blobs.read_bytes(digest) == original and stamped.sha256 == digest
    for o in (o1, o2):
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    out = app.verification.export_record(iid, tmp_path / "record.pdf", "record")
    check_pdf(app, out, 2)
    assert copy in out.read_bytes()  # the stamped JPEG is what the evidence page draws
    assert app.ctx.blobs.read_bytes(digest) == original
