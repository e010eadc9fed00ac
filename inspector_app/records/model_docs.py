"""Frozen snapshots of the on-site document set beyond the 现场检查笔录: the 询问笔录 (D6) and the 送达回证 (D28).

Same conventions as records/model.py: frozen dataclasses, `canonical()` / `content_hash()` bind the signatures, the
officers listed under `officers` are the signature fields Sig_Officer1..n (records/plan.py), times carry a zone.
The person questioned is never under `officers`, `team_lead` or `signer` (those keys bind signature fields).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.records.model import (
    Officer, Party, PartySignOff, SignatureImage, _check_officers, _check_signoff, _Hashable,
)

#: What the person questioned is to the matter, and the statutory evidence type the record is (行政处罚法 第四十六条).
INQUIRY_ROLES = {"party": "当事人的陈述", "witness": "证人证言"}
CONFIRMATION = "以上笔录我已看过，与我所说一致。"
RIGHTS_NOTICE = (
    "我们是{agency}的执法人员，已向你出示执法证件。现依法就有关情况向你进行询问调查。",
    "你有如实回答询问、提供有关材料的义务，不得拒绝、阻碍调查或者作虚假陈述（《医疗保障基金使用监督管理条例》第二十九条）。",
    "你有陈述、申辩的权利；认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，有申请回避的权利。",
)
RECUSAL_QUESTION = "你是否申请执法人员回避？"
#: 送达方式 (行政处罚法 第六十一条; 民事诉讼法 on 留置送达): 留置 needs a witness and a photo of the document left.
SERVICE_METHODS = ("直接送达", "留置送达", "邮寄送达", "电子送达")


@dataclass(frozen=True, slots=True)
class InquiryPerson:
    """The one person questioned (询问应当个别进行). Personal data: printed in the signed record only."""

    name: str
    sex: str                 # 男 / 女
    id_number: str
    employer: str = ""
    position: str = ""
    relation: str = ""       # 与本案关系, e.g. 医务科科长、收费员
    contact: str = ""        # phone or address


@dataclass(frozen=True, slots=True)
class QA:
    question: str
    answer: str
    links: tuple[str, ...] = ()   # checklist item ids / finding descriptions the answer bears on


@dataclass(frozen=True, slots=True)
class Correction:
    """A change to the written answers made at reading, initialled by the person (更正处由被询问人签名或捺印)."""

    where: str        # e.g. 第3问答
    before: str
    after: str
    initials: str     # the person's initials / name written at the change


@dataclass(frozen=True, slots=True)
class InquiryRecord(_Hashable):
    """询问笔录 (D6): one person, questioned by at least two officers, signed by both."""

    KIND = "inquiry_record"

    number: str
    agency: str
    party: Party                      # the inspected unit the matter concerns
    record_number: str                # the 现场检查笔录 of the same inspection ("" before it is signed)
    role: str                         # key of INQUIRY_ROLES
    person: InquiryPerson
    started_at: dt.datetime
    ended_at: dt.datetime
    place: str
    officers: tuple[Officer, ...]
    recorder: str                     # 记录人 (one of the officers)
    rights_notice: tuple[str, ...]
    recusal_answer: str
    qa: tuple[QA, ...]
    corrections: tuple[Correction, ...] = ()
    person_signoff: PartySignOff = PartySignOff(opinion=CONFIRMATION)
    signature_images: tuple[SignatureImage, ...] = ()
    title: str = "询问笔录"

    @property
    def party_signoff(self) -> PartySignOff:  # the name records/_sections.party_block reads
        return self.person_signoff

    @property
    def evidence_type(self) -> str:
        return INQUIRY_ROLES.get(self.role, "")

    def problems(self) -> list[ValidationError]:
        problems: list[ValidationError] = []
        p = self.person
        if not self.number.strip():
            problems.append(ValidationError("inquiry.number_missing", QT_TRANSLATE_NOOP(
                "Errors", "The inquiry record number is missing.")))
        if self.role not in INQUIRY_ROLES:
            problems.append(ValidationError("inquiry.role_missing", QT_TRANSLATE_NOOP(
                "Errors", "Choose the role of the person questioned (party / witness).")))
        missing = [label for label, v in ((QT_TRANSLATE_NOOP("Errors", "full name"), p.name),
                                          (QT_TRANSLATE_NOOP("Errors", "sex"), p.sex),
                                          (QT_TRANSLATE_NOOP("Errors", "ID card number"), p.id_number))
                   if not v.strip()]
        if missing:
            problems.append(ValidationError("inquiry.person_incomplete", QT_TRANSLATE_NOOP(
                "Errors", "The person questioned lacks: {fields}."), fields=missing))
        if self.ended_at < self.started_at:
            problems.append(ValidationError("inquiry.ended_before_started", QT_TRANSLATE_NOOP(
                "Errors", "The inquiry ends before it starts.")))
        if not self.place.strip():
            problems.append(ValidationError("inquiry.place_missing", QT_TRANSLATE_NOOP(
                "Errors", "Enter where the inquiry takes place.")))
        if not self.qa or any(not q.question.strip() or not q.answer.strip() for q in self.qa):
            problems.append(ValidationError("inquiry.answer_missing", QT_TRANSLATE_NOOP(
                "Errors", "Every question of the inquiry must have its answer recorded.")))
        if not self.recusal_answer.strip():
            problems.append(ValidationError("inquiry.recusal_answer_missing", QT_TRANSLATE_NOOP(
                "Errors", "Record the answer of the person questioned on whether they apply for recusal.")))
        for c in self.corrections:
            if not c.initials.strip():
                problems.append(ValidationError("inquiry.correction_unconfirmed", QT_TRANSLATE_NOOP(
                    "Errors", "The correction ({where}) must be confirmed by the signature or fingerprint of the "
                              "person questioned."), where=c.where))
        _check_officers(self.officers, problems)
        _check_signoff(self.person_signoff, self.signature_images, problems)
        return problems


@dataclass(frozen=True, slots=True)
class ServiceReceipt(_Hashable):
    """送达回证 (D28) for one served document: who served what, how, to whom, when; signed by the servers."""

    KIND = "service_receipt"

    number: str
    agency: str
    party: Party
    document_title: str               # e.g. 责令改正（限期整改）通知书
    document_number: str
    document_hash: str                # content hash of the served document
    method: str                       # one of SERVICE_METHODS
    recipient: str                    # 受送达人 (the unit or person)
    receiver_name: str                # who took it (签收人)
    receiver_relation: str            # 与受送达人关系, e.g. 法定代表人、办公室主任
    served_at: dt.datetime
    place: str
    officers: tuple[Officer, ...]     # 送达人
    receiver_signed: bool             # signed for it; False = refused (留置) or not applicable (邮寄/电子)
    refusal_note: str = ""            # what happened (拒绝签收，已留置于…)
    witness_name: str = ""            # 留置送达: 见证人
    witness_id_number: str = ""
    witness_relation: str = ""
    photo_sha256: str = ""            # 留置送达: photo of the document left at the premises (evidence blob)
    postal_number: str = ""           # 邮寄: 挂号/EMS number
    electronic_address: str = ""      # 电子: the address the party consented to
    note: str = ""
    signature_images: tuple[SignatureImage, ...] = ()
    title: str = "送达回证"

    def problems(self) -> list[ValidationError]:
        problems: list[ValidationError] = []
        if not self.number.strip():
            problems.append(ValidationError("service.number_missing", QT_TRANSLATE_NOOP(
                "Errors", "The proof-of-service number is missing.")))
        if self.method not in SERVICE_METHODS:
            problems.append(ValidationError("service.method_missing", QT_TRANSLATE_NOOP(
                "Errors", "Choose how the document is served.")))
        if not self.document_number.strip():
            problems.append(ValidationError("service.document_missing", QT_TRANSLATE_NOOP(
                "Errors", "The proof of service must name the served document and its number.")))
        if not self.recipient.strip():
            problems.append(ValidationError("service.recipient_missing", QT_TRANSLATE_NOOP(
                "Errors", "Enter the recipient.")))
        if self.method == "直接送达" and not (self.receiver_signed and self.receiver_name.strip()):
            problems.append(ValidationError("service.receiver_signature_missing", QT_TRANSLATE_NOOP(
                "Errors", "Service in person needs the receiver's signature.")))
        if self.method == "留置送达":
            if not (self.witness_name.strip() and self.witness_id_number.strip()):
                problems.append(ValidationError("service.left_without_witness", QT_TRANSLATE_NOOP(
                    "Errors", "Service by leaving the document needs a witness (name and ID number).")))
            if not self.photo_sha256:
                problems.append(ValidationError("service.left_without_photo", QT_TRANSLATE_NOOP(
                    "Errors", "Service by leaving the document needs a photo of the document left.")))
            if not self.refusal_note.strip():
                problems.append(ValidationError("service.left_without_note", QT_TRANSLATE_NOOP(
                    "Errors", "Service by leaving the document must state the refusal and where the document was "
                              "left.")))
        if self.method == "邮寄送达" and not self.postal_number.strip():
            problems.append(ValidationError("service.postal_number_missing", QT_TRANSLATE_NOOP(
                "Errors", "Service by post needs the number of the postal item.")))
        if self.method == "电子送达" and not self.electronic_address.strip():
            problems.append(ValidationError("service.electronic_address_missing", QT_TRANSLATE_NOOP(
                "Errors", "Electronic service needs the electronic address the recipient agreed to.")))
        _check_officers(self.officers, problems)  # served by two officers, as every on-site act
        return problems
