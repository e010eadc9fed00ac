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
