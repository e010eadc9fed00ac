"""Inspection types, modes and the status machine of domain.md §4.3."""

from __future__ import annotations

from enum import StrEnum

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, IllegalTransition


class InspectionType(StrEnum):
    ROUTINE = "日常稽核"
    SPECIAL = "专项检查"
    FLYING = "飞行检查"
    RANDOM = "双随机抽查"
    CROSS = "交叉检查"
    RECHECK = "抽查复查"


class InspectionMode(StrEnum):
    ADMINISTRATIVE = "行政检查"
    AGREEMENT = "经办稽核/协议检查"


class Status(StrEnum):
    DRAFT = "draft"
    ON_SITE = "on_site"
    AWAITING_SIGNATURE = "awaiting_signature"
    SIGNED = "signed"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    RETURNED = "returned"
    APPROVED = "approved"
    RECTIFICATION = "rectification"
    CLOSED = "closed"
    CANCELLED = "cancelled"


STATUS_LABELS_ZH = {
    Status.DRAFT: "草稿",
    Status.ON_SITE: "检查中",
    Status.AWAITING_SIGNATURE: "待签字",
    Status.SIGNED: "已签字",
    Status.SUBMITTED: "已提交",
    Status.UNDER_REVIEW: "审核中",
    Status.RETURNED: "已退回",
    Status.APPROVED: "已批准",
    Status.RECTIFICATION: "整改跟踪",
    Status.CLOSED: "已关闭",
    Status.CANCELLED: "已作废",
}

#: Status names for messages (parameters are translated by the UI's mapper like templates).
STATUS_NAMES: dict[Status, str] = {
    Status.DRAFT: QT_TRANSLATE_NOOP("Errors", "draft"),
    Status.ON_SITE: QT_TRANSLATE_NOOP("Errors", "on site"),
    Status.AWAITING_SIGNATURE: QT_TRANSLATE_NOOP("Errors", "awaiting signatures"),
    Status.SIGNED: QT_TRANSLATE_NOOP("Errors", "signed"),
    Status.SUBMITTED: QT_TRANSLATE_NOOP("Errors", "submitted"),
    Status.UNDER_REVIEW: QT_TRANSLATE_NOOP("Errors", "under review"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Errors", "returned"),
    Status.APPROVED: QT_TRANSLATE_NOOP("Errors", "approved"),
    Status.RECTIFICATION: QT_TRANSLATE_NOOP("Errors", "rectification"),
    Status.CLOSED: QT_TRANSLATE_NOOP("Errors", "closed"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("Errors", "cancelled"),
}


TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.ON_SITE, Status.CANCELLED}),
    Status.ON_SITE: frozenset({Status.AWAITING_SIGNATURE}),
    Status.AWAITING_SIGNATURE: frozenset({Status.ON_SITE, Status.SIGNED}),
    Status.SIGNED: frozenset({Status.SUBMITTED}),
    Status.SUBMITTED: frozenset({Status.UNDER_REVIEW}),
    Status.UNDER_REVIEW: frozenset({Status.RETURNED, Status.APPROVED}),
    Status.RETURNED: frozenset({Status.SUBMITTED}),
    Status.APPROVED: frozenset({Status.RECTIFICATION, Status.CLOSED}),
    Status.RECTIFICATION: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
    Status.CANCELLED: frozenset(),
}

EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.ON_SITE, Status.AWAITING_SIGNATURE})


def check_transition(current: Status, target: Status) -> None:
    if target not in TRANSITIONS[current]:
        raise IllegalTransition("inspection.illegal_transition", QT_TRANSLATE_NOOP(
            "Errors", "The inspection cannot go from “{current}” to “{target}”."),
            current=STATUS_NAMES[current], target=STATUS_NAMES[target])
