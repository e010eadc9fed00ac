"""Frozen snapshots of the two evidence-securing measures (domain/seizure.py has their clocks):

- 封存决定书 + 封存清单 (D10, 条例 第二十七条(五); 行政强制法 第十八, 二十四, 二十五条): reason, basis, period
  (≤ 30 days, extendable once by 30), the items and quantities, the remedy route, the party's signature or refusal
  with a witness, both officers' signatures; the list is made in two copies (one to the party, one to the file).
- 先行登记保存通知书 + 物品清单 (D9, 行政处罚法 第五十六条): the items, the reason, the agency head's approval, the
  handling decision due within 7 days.

Same conventions as records/model_docs.py: `canonical()` / `content_hash()` bind the signatures, `officers` are the
fields Sig_Officer1..n, times carry a zone. Item photos: the original photo is evidence (its SHA-256 is printed);
the page draws a small derivative (optionally stamped, services/photo_stamp.py) carried in `photos` — its bytes are
embedded in the signed images file so the verifier can redraw the pages (records/rerender.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from inspector_app.domain import seizure as dz
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.records.model_base import (
    Officer, Party, PartySignOff, SignatureImage, _check_officers, _check_signoff, _Hashable,
)

SEAL_BASIS = "《医疗保障基金使用监督管理条例》第二十七条第（五）项、《中华人民共和国行政强制法》第二十四条"
PRESERVATION_BASIS = "《中华人民共和国行政处罚法》第五十六条"
REMEDY = ("如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
          "复议或者诉讼期间，本决定不停止执行。")
PARTY_OPINION = "以上清单所列物品与实物相符，已核对。"


@dataclass(frozen=True, slots=True)
class SeizureItem:
    """One line of the 封存清单 / 物品清单."""

    name: str                           # 物品（场所、设施、资料）名称
    spec: str                           # 规格、批号、编号
    quantity: str                       # kept as the inspector wrote it ("3", "12.5") — never a float
    unit: str                           # 盒、份、台、册…
    location: str                       # 存放地点 (where it is kept while sealed)
    condition: str = ""                 # 状况 (sealed intact, packaging, damage…)
    photos: tuple[str, ...] = ()        # SHA-256 of the original evidence photos of this item


@dataclass(frozen=True, slots=True)
class ItemPhoto:
    """The print derivative of an item photo (a small JPEG drawn on the page, optionally stamped with time, place,
    officer and document number), bound to the original evidence photo by the original's SHA-256."""

    original_sha256: str
    image: bytes
    stamped: bool = False


@dataclass(frozen=True, slots=True)
class SeizureNotice(_Hashable):
    """The common body of the two notices; the subclasses fix the measure (and so KIND, title and clock)."""

    number: str
    agency: str
    party: Party
    record_number: str                  # the 现场检查笔录 of the same inspection ("" before it is signed)
    reason: str                         # 经查…, why the measure is taken
    basis: str                          # the legal basis printed
    started_at: dt.datetime
    due_on: dt.date                     # the clock's last day (domain/seizure.due_date)
    place: str                          # where the measure was carried out
    officers: tuple[Officer, ...]
    items: tuple[SeizureItem, ...]
    approved_by: str = ""               # 负责人批准 (required for preservation, printed for both)
    party_signoff: PartySignOff = PartySignOff(opinion=PARTY_OPINION)
    photos: tuple[ItemPhoto, ...] = ()
    signature_images: tuple[SignatureImage, ...] = ()

    MEASURE = ""
    TITLE = ""
    DOCUMENT = ""  # the title as a translatable word, for problems that name the document

    @property
    def measure(self) -> str:
        return self.MEASURE

    @property
    def title(self) -> str:
        return self.TITLE

    @property
    def started_on(self) -> dt.date:
        from inspector_app.domain.agency_time import local

        return local(self.started_at).date()

    def photo(self, sha256: str) -> ItemPhoto | None:
        return next((p for p in self.photos if p.original_sha256 == sha256), None)

    def problems(self) -> list[ValidationError]:
        problems: list[ValidationError] = []
        if not self.number.strip():
            problems.append(ValidationError("seizure.number_missing", QT_TRANSLATE_NOOP(
                "Errors", "The number of the {document} is missing."), document=self.DOCUMENT))
        if not self.reason.strip():
            problems.append(ValidationError("seizure.reason_missing", QT_TRANSLATE_NOOP(
                "Errors", "State the facts and reasons for taking the measure.")))
        if not self.place.strip():
            problems.append(ValidationError("seizure.place_missing", QT_TRANSLATE_NOOP(
                "Errors", "Enter where the measure is carried out.")))
        if not self.items:
            problems.append(ValidationError("seizure.items_missing", QT_TRANSLATE_NOOP(
                "Errors", "The list of items must have at least one item.")))
        for i, it in enumerate(self.items, 1):
            missing = [label for label, v in ((QT_TRANSLATE_NOOP("Errors", "item name"), it.name),
                                              (QT_TRANSLATE_NOOP("Errors", "item quantity"), it.quantity),
                                              (QT_TRANSLATE_NOOP("Errors", "item unit"), it.unit),
                                              (QT_TRANSLATE_NOOP("Errors", "storage place"), it.location))
                       if not v.strip()]
            if missing:
                problems.append(ValidationError("seizure.item_incomplete", QT_TRANSLATE_NOOP(
                    "Errors", "Item {item} of the list lacks: {fields}."), item=i, fields=missing))
            elif not _is_quantity(it.quantity):
                problems.append(ValidationError("seizure.bad_quantity", QT_TRANSLATE_NOOP(
                    "Errors", "The quantity “{quantity}” of item {item} is not a positive number."),
                    item=i, quantity=it.quantity))
            for sha in it.photos:
                if self.photo(sha) is None:
                    problems.append(ValidationError("seizure.photo_not_printed", QT_TRANSLATE_NOOP(
                        "Errors", "The photo {photo}… of item {item} has no print image."), item=i, photo=sha[:12]))
        if self.due_on != dz.due_date(self.measure, self.started_on):
            problems.append(ValidationError("seizure.due_date_wrong", QT_TRANSLATE_NOOP(
                "Errors", "The period does not match the statutory period.")))
        if self.measure == dz.PRESERVATION and not self.approved_by.strip():
            problems.append(ValidationError("seizure.preservation_not_approved", QT_TRANSLATE_NOOP(
                "Errors", "Registration and preservation needs the approval of the agency head (Administrative Penalty "
                          "Law, art. 56).")))
        _check_officers(self.officers, problems)
        _check_signoff(self.party_signoff, self.signature_images, problems)
        return problems


def _is_quantity(text: str) -> bool:
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(text.strip()) > 0
    except InvalidOperation:
        return False


@dataclass(frozen=True, slots=True)
class SealDecision(SeizureNotice):
    """封存决定书 + 封存清单 (D10)."""

    KIND = "seal_decision"
    MEASURE = dz.SEAL
    TITLE = "封存决定书"
    DOCUMENT = QT_TRANSLATE_NOOP("Errors", "seal decision")


@dataclass(frozen=True, slots=True)
class PreservationNotice(SeizureNotice):
    """先行登记保存通知书 + 物品清单 (D9)."""

    KIND = "preservation_notice"
    MEASURE = dz.PRESERVATION
    TITLE = "先行登记保存通知书"
    DOCUMENT = QT_TRANSLATE_NOOP("Errors", "registration and preservation notice")


BY_MEASURE: dict[str, type[SeizureNotice]] = {dz.SEAL: SealDecision, dz.PRESERVATION: PreservationNotice}


@dataclass(frozen=True, slots=True)
class SealExtension(_Hashable):
    """延长封存决定书: a seal extended once by at most 30 days (行政强制法 第二十五条), by decision of the agency head,
    with the reason recorded and the party told in writing; signed by the officers who carry out the seal."""

    KIND = "seal_extension"
    TITLE = "延长封存决定书"

    number: str
    agency: str
    party: Party
    seal_number: str                    # the 封存决定书 this extends
    record_number: str
    reason: str                         # why the period is extended (the case is complex because…)
    started_at: dt.datetime             # when the seal began
    due_before: dt.date                 # the period's last day before the extension
    due_on: dt.date                     # the new last day
    decided_at: dt.datetime
    officers: tuple[Officer, ...]
    approved_by: str = ""               # 负责人批准
    signature_images: tuple[SignatureImage, ...] = ()

    @property
    def title(self) -> str:
        return self.TITLE

    def problems(self) -> list[ValidationError]:
        from inspector_app.domain.agency_time import local

        problems: list[ValidationError] = []
        if not self.number.strip():
            problems.append(ValidationError("seal_extension.number_missing", QT_TRANSLATE_NOOP(
                "Errors", "The number of the seal extension decision is missing.")))
        if not self.seal_number.strip():
            problems.append(ValidationError("seal_extension.seal_number_missing", QT_TRANSLATE_NOOP(
                "Errors", "The number of the seal decision being extended is missing.")))
        if not self.reason.strip():
            problems.append(ValidationError("seal_extension.reason_missing", QT_TRANSLATE_NOOP(
                "Errors", "State why the seal period is extended.")))
        if not self.approved_by.strip():
            problems.append(ValidationError("seal_extension.not_approved", QT_TRANSLATE_NOOP(
                "Errors", "Extending a seal needs the approval of the agency head (Administrative Compulsion Law, art. "
                          "25).")))
        started = local(self.started_at).date()
        if self.due_on != dz.due_date(dz.SEAL, started, extended=True) or \
                self.due_before != dz.due_date(dz.SEAL, started):
            problems.append(ValidationError("seal_extension.due_date_wrong", QT_TRANSLATE_NOOP(
                "Errors", "The extended period does not match the statutory period (an extension is at most 30 "
                          "days).")))
        if local(self.decided_at).date() > self.due_before:
            problems.append(ValidationError("seal_extension.expired", QT_TRANSLATE_NOOP(
                "Errors", "A seal cannot be extended after its period has ended.")))
        _check_officers(self.officers, problems)
        return problems
