"""The 音像记录 register: every audio or video recording of a visit says who recorded it and at which stage.

The whole-process recording rules for administrative enforcement (执法全过程记录) ask that audio/video records
name the recorder and the enforcement step they cover, so that a court or reviewer can find the recording of, e.g.,
the showing of credentials or a refusal to sign. The stages below are the steps of an on-site inspection where
recording is expected.
"""

from __future__ import annotations

#: code -> Chinese label (printed, and shown through the UI's translation of the English labels)
STAGES: dict[str, str] = {
    "credentials": "出示执法证件、告知权利",
    "inspection": "现场检查",
    "inquiry": "询问调查",
    "seizure": "封存、先行登记保存",
    "signing": "笔录签名、拒签见证",
    "service": "文书送达",
    "other": "其他",
}
MEDIA = ("audio", "video")
