"""Evidence kinds and the collection measures of 条例 第二十七条 / 行政处罚法 第四十六条."""

from __future__ import annotations

from enum import StrEnum


class EvidenceKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"
    AUDIO_VIDEO = "audio_video"
    DATA = "data"


class Measure(StrEnum):
    PHOTO = "拍照"
    COPY = "复印"
    RECORDING = "录音录像"
    DATA_EXTRACT = "调取数据"
    SEAL = "封存"


class EvidenceType(StrEnum):
    """The eight statutory evidence types (行政处罚法 第四十六条)."""

    DOCUMENTARY = "书证"
    PHYSICAL = "物证"
    AUDIO_VISUAL = "视听资料"
    ELECTRONIC = "电子数据"
    WITNESS = "证人证言"
    PARTY_STATEMENT = "当事人的陈述"
    EXPERT_OPINION = "鉴定意见"
    ON_SITE_RECORD = "勘验笔录、现场笔录"


#: The statement the party signs once for the whole 证据清单 (行政处罚法 第四十六条: evidence must be verified as
#: true; copies are checked against their originals by the party who handed them over).
MATCHES_ORIGINAL = "以上证据与原件核对一致。"


def default_type(kind: str, measure: str) -> EvidenceType:
    """The statutory type a new evidence item starts with; the inspector can change it (the law classifies by what
    the item is, which a file type only suggests). A photo defaults to 书证 because on-site photos are mostly of
    ledgers, prescriptions and bills (the checklists' evidence hints); a photo of a scene can be set to 勘验笔录."""
    if measure == Measure.SEAL:
        return EvidenceType.PHYSICAL
    if measure == Measure.DATA_EXTRACT or kind == EvidenceKind.DATA:
        return EvidenceType.ELECTRONIC
    if measure == Measure.RECORDING or kind == EvidenceKind.AUDIO_VIDEO:
        return EvidenceType.AUDIO_VISUAL
    return EvidenceType.DOCUMENTARY


def counts_pages(kind: str, measure: str) -> bool:
    """Whether the item is a copy whose page count the 证据清单 states (复印件, scanned documents)."""
    return measure == Measure.COPY or kind == EvidenceKind.DOCUMENT
