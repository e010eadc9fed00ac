"""Translatable display names for domain values (the domain stores the Chinese legal terms as data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector_app.domain.inspection import InspectionMode, InspectionType, Status

# ItemState and RectificationResult are imported where they are used: the main window's frame (the inspection
# list) imports this module, and the checklist's and the outcomes' domain modules (≈ 15 ms of CPU with their
# dataclasses, Decimal and tomllib) come later with the services.


def status(value: str) -> str:
    return {
        Status.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        Status.ON_SITE: QCoreApplication.translate("Labels", "On site"),
        Status.AWAITING_SIGNATURE: QCoreApplication.translate("Labels", "Awaiting signature"),
        Status.SIGNED: QCoreApplication.translate("Labels", "Signed"),
        Status.SUBMITTED: QCoreApplication.translate("Labels", "Submitted"),
        Status.UNDER_REVIEW: QCoreApplication.translate("Labels", "Under review"),
        Status.RETURNED: QCoreApplication.translate("Labels", "Returned"),
        Status.APPROVED: QCoreApplication.translate("Labels", "Approved"),
        Status.RECTIFICATION: QCoreApplication.translate("Labels", "Rectification"),
        Status.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        Status.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }.get(Status(value), value)


def inspection_type(value: str) -> str:
    return {
        InspectionType.ROUTINE: QCoreApplication.translate("Labels", "Routine audit"),
        InspectionType.SPECIAL: QCoreApplication.translate("Labels", "Special inspection"),
        InspectionType.FLYING: QCoreApplication.translate("Labels", "Unannounced inspection"),
        InspectionType.RANDOM: QCoreApplication.translate("Labels", "Random inspection"),
        InspectionType.CROSS: QCoreApplication.translate("Labels", "Cross inspection"),
        InspectionType.RECHECK: QCoreApplication.translate("Labels", "Follow-up check"),
    }.get(InspectionType(value), value)


def mode(value: str) -> str:
    return {InspectionMode.ADMINISTRATIVE: QCoreApplication.translate("Labels", "Administrative inspection"),
            InspectionMode.AGREEMENT: QCoreApplication.translate("Labels", "Agency / agreement audit")}.get(
        InspectionMode(value), value)


def item_state(value: str) -> str:
    from inspector_app.domain.checklist import ItemState

    return {ItemState.UNANSWERED: QCoreApplication.translate("Labels", "Unanswered"),
        ItemState.COMPLIANT: QCoreApplication.translate("Labels", "Compliant"),
            ItemState.VIOLATION: QCoreApplication.translate("Labels", "Violation"),
        ItemState.NOT_APPLICABLE: QCoreApplication.translate("Labels", "Not applicable")}.get(
        ItemState(value), value)


def severity(value: str) -> str:
    return {"一般": QCoreApplication.translate("Labels", "Minor"),
        "较重": QCoreApplication.translate("Labels", "Serious"),
        "严重": QCoreApplication.translate("Labels", "Grave")}.get(value, value)


def measure(value: str) -> str:
    return {"拍照": QCoreApplication.translate("Labels", "Photograph"),
        "复印": QCoreApplication.translate("Labels", "Copy"),
        "录音录像": QCoreApplication.translate("Labels", "Audio/video recording"),
            "调取数据": QCoreApplication.translate("Labels", "Data extract"),
        "封存": QCoreApplication.translate("Labels", "Sealing")}.get(value, value)


def evidence_type(value: str) -> str:
    """The eight statutory evidence types (行政处罚法 第四十六条)."""
    return {"书证": QCoreApplication.translate("Labels", "Documentary evidence"),
            "物证": QCoreApplication.translate("Labels", "Physical evidence"),
            "视听资料": QCoreApplication.translate("Labels", "Audio-visual material"),
            "电子数据": QCoreApplication.translate("Labels", "Electronic data"),
            "证人证言": QCoreApplication.translate("Labels", "Witness testimony"),
            "当事人的陈述": QCoreApplication.translate("Labels", "Party's statement"),
            "鉴定意见": QCoreApplication.translate("Labels", "Expert opinion"),
            "勘验笔录、现场笔录": QCoreApplication.translate("Labels", "Examination or on-site record"),
            }.get(value, value)


def category(value: str) -> str:
    return {"医院": QCoreApplication.translate("Labels", "Hospital"),
        "乡镇卫生院": QCoreApplication.translate("Labels", "Township health centre"),
            "社区卫生服务中心": QCoreApplication.translate("Labels", "Community health centre"),
        "诊所": QCoreApplication.translate("Labels", "Clinic"),
        "村卫生室": QCoreApplication.translate("Labels", "Village clinic"),
            "零售药店": QCoreApplication.translate("Labels", "Retail pharmacy"),
        "长期护理机构": QCoreApplication.translate("Labels", "Long-term care provider"),
            "经办机构": QCoreApplication.translate("Labels", "Handling agency"),
        "用人单位": QCoreApplication.translate("Labels", "Employer")}.get(value, value)


def rectification_result(value: str | None) -> str:
    if value is None:
        return QCoreApplication.translate("Labels", "open")
    from inspector_app.domain.outcomes import RectificationResult

    return {RectificationResult.DONE: QCoreApplication.translate("Labels", "Rectified"),
            RectificationResult.PARTIAL: QCoreApplication.translate("Labels", "Partly rectified"),
            RectificationResult.OVERDUE: QCoreApplication.translate("Labels", "Not rectified by the deadline"),
            }.get(RectificationResult(value), value)


def lead_rule(value: str) -> str:
    """The screening rule that raised a lead (domain/leads/rules.py)."""
    return {"readmission": QCoreApplication.translate("Labels", "Re-admission (split stay?)"),
            "overlapping_stays": QCoreApplication.translate("Labels", "Stays overlapping at two institutions"),
            "above_price": QCoreApplication.translate("Labels", "Charged above the price list"),
            "quantity_per_day": QCoreApplication.translate("Labels", "Quantity beyond plausible per day"),
            "out_of_list": QCoreApplication.translate("Labels", "Drug outside the insurance list")}.get(value, value)


def lead_status(value: str) -> str:
    return {"open": QCoreApplication.translate("Labels", "Open"),
            "confirmed": QCoreApplication.translate("Labels", "Confirmed"),
            "not_confirmed": QCoreApplication.translate("Labels", "Not confirmed"),
            "not_checked": QCoreApplication.translate("Labels", "Not checked")}.get(value, value)
