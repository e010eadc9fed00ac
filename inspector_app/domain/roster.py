"""Institution and officer rosters (名录库)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from inspector_app.domain.credit_code import credit_code_problem
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class Category(StrEnum):
    HOSPITAL = "医院"
    TOWNSHIP_HEALTH_CENTRE = "乡镇卫生院"
    COMMUNITY_HEALTH_CENTRE = "社区卫生服务中心"
    CLINIC = "诊所"
    VILLAGE_CLINIC = "村卫生室"
    RETAIL_PHARMACY = "零售药店"
    LONG_TERM_CARE = "长期护理机构"
    AGENCY = "经办机构"
    EMPLOYER = "用人单位"


class Level(StrEnum):
    TERTIARY = "三级"
    SECONDARY = "二级"
    PRIMARY = "一级"
    UNRATED = "未定级"


class Ownership(StrEnum):
    PUBLIC = "公立"
    PRIVATE = "民营"


class CreditRating(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


# 定点编码: commonly a letter + 6-digit area code + 5-digit sequence (domain.md §3.1); validated loosely.
_FIXMEDINS = re.compile(r"^[A-Z][0-9A-Z]{6,15}$")


@dataclass(frozen=True, slots=True)
class InstitutionData:
    name: str
    category: Category
    level: Level
    ownership: Ownership
    credit_code: str
    designation_code: str = ""
    address: str = ""
    legal_representative: str = ""
    region: str = ""
    credit_rating: CreditRating | None = None
    complaint_count: int = 0
    phone: str = ""

    def problems(self) -> list[ValidationError]:
        out: list[ValidationError] = []
        if not self.name.strip():
            out.append(ValidationError("institution.name_empty", QT_TRANSLATE_NOOP(
                "Errors", "The institution's name is empty.")))
        problem = credit_code_problem(self.credit_code)
        if problem:
            out.append(problem)
        if self.designation_code and not _FIXMEDINS.match(self.designation_code):
            out.append(ValidationError("institution.bad_designation_code", QT_TRANSLATE_NOOP(
                "Errors", "The designation code {code} is malformed."), code=self.designation_code))
        if self.complaint_count < 0:
            out.append(ValidationError("institution.negative_complaints", QT_TRANSLATE_NOOP(
                "Errors", "The number of complaints cannot be negative.")))
        return out

    def validate(self) -> None:
        problems = self.problems()
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise ValidationError("institution.problems", "", problems=problems)


@dataclass(frozen=True, slots=True)
class OfficerData:
    name: str
    department: str
    certificate_no: str  # 执法证号
    certificate_expiry: dt.date
    role: str = "inspector"  # inspector | team_lead
    region: str = ""  # where the officer serves: 交叉检查 never sends officers to their own region

    def certificate_valid_on(self, day: dt.date) -> bool:
        return self.certificate_expiry >= day

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError("officer.name_empty", QT_TRANSLATE_NOOP(
                "Errors", "The officer's name is empty."))
        if not self.certificate_no.strip():
            raise ValidationError("officer.certificate_empty", QT_TRANSLATE_NOOP(
                "Errors", "{name}: the certificate number is empty."), name=self.name)
