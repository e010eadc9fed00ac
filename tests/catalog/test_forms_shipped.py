"""The shipped checklist library (forms/*.toml) loads cleanly and covers the domain catalogue (domain.md §1)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.catalog.loader import FormError, load_library, load_template
from inspector_app.domain.checklist import AnswerType, ItemDef, TemplateDef

FORMS = Path(__file__).resolve().parents[2] / "forms"
FILES = sorted(FORMS.glob("*.toml"))


def _ids(prefix: str, n: int, width: int = 2) -> list[str]:
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


CATALOGUE_IDS: list[str] = [
    *_ids("H-", 22), *_ids("P-", 10), *_ids("C-", 6), *_ids("A-", 9), *_ids("L-", 7), *_ids("E-", 4),
    *_ids("V-C", 8, 1), *_ids("V-D", 6, 1), "V-P1", "V-P2", "V-S1", "V-S2",
    *_ids("R-", 9), *_ids("F-", 6), *_ids("M-", 7),
]

# file name → (template id, catalogue prefixes it must hold)
EXPECTED_TEMPLATES = {
    "medical-institution.toml": ("medical-institution", ("H-",)),
    "pharmacy.toml": ("pharmacy", ("P-",)),
    "clinic.toml": ("clinic", ("C-",)),
    "agency.toml": ("agency", ("A-",)),
    "long-term-care.toml": ("long-term-care", ("L-",)),
    "employer.toml": ("employer", ("E-",)),
    "procurement.toml": ("procurement", ("V-",)),
    "service-prices.toml": ("service-prices", ("R-",)),
    "drug-list.toml": ("drug-list", ("F-",)),
    "medical-assistance.toml": ("medical-assistance", ("M-",)),
}

# Catalogue rows with a legal basis: every item under these prefixes must cite one.
LEGAL_BASIS_PREFIXES = ("H-", "P-", "A-", "E-", "R-", "F-", "M-")


def _load_all() -> list[TemplateDef]:
    return [load_template(p) for p in FILES]


def _all_items() -> list[ItemDef]:
    return [item for t in _load_all() for item in t.items()]


def _covers(item_id: str, catalogue_id: str) -> bool:
    return item_id == catalogue_id or item_id.startswith(catalogue_id + ".")


def test_expected_files_are_shipped() -> None:
    assert sorted(p.name for p in FILES) == sorted(EXPECTED_TEMPLATES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_template_loads_without_problems(path: Path) -> None:
    try:
        template = load_template(path)
    except FormError as exc:  # pragma: no cover - the message is the useful part
        pytest.fail("模板校验失败：\n" + "\n".join(str(p) for p in exc.problems))
    expected_id, prefixes = EXPECTED_TEMPLATES[path.name]
    assert template.id == expected_id
    assert template.version == "2026.1"
    assert template.title and template.title_en and template.description and template.applies_to
    items = template.items()
    assert items
    for item in items:
        assert item.id.startswith(prefixes), f"{path.name}: {item.id} does not belong here"
        assert item.label.strip() and item.checks.strip()
        assert item.seed_refs or item.legal_basis, f"{item.id} has neither seed_refs nor legal_basis"


def test_library_loads_as_a_whole() -> None:
    lib = load_library(FORMS)
    assert lib.problems == []
    assert sorted(lib.templates) == sorted(tid for tid, _ in EXPECTED_TEMPLATES.values())


def test_every_item_has_an_english_label() -> None:
    for t in _load_all():
        for section in t.source["sections"]:
            for raw in section["items"]:
                assert raw.get("label_en", "").strip(), f"{t.id}: {raw['id']} lacks label_en"


def test_item_ids_are_unique_across_the_library() -> None:
    ids = [item.id for item in _all_items()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_catalogue_is_fully_covered() -> None:
    ids = [item.id for item in _all_items()]
    assert len(CATALOGUE_IDS) == 98
    missing = [c for c in CATALOGUE_IDS if not any(_covers(i, c) for i in ids)]
    assert missing == []


def test_every_item_maps_to_a_catalogue_id() -> None:
    stray = [i.id for i in _all_items() if not any(_covers(i.id, c) for c in CATALOGUE_IDS)]
    assert stray == []


def test_f03_self_pay_share_is_capped_at_8_percent() -> None:
    [drug_list] = [t for t in _load_all() if t.id == "drug-list"]
    item = drug_list.item("F-03")
    assert item.answer is AnswerType.PCT
    assert item.unit == "%"
    assert item.threshold is not None
    assert item.threshold.op == "<="
    assert item.threshold.value == Decimal(8)
    assert item.threshold.source == "S:000 item 4"
    assert item.threshold.satisfied_by(Decimal("8"))
    assert not item.threshold.satisfied_by(Decimal("8.01"))


def test_items_with_a_catalogued_legal_basis_cite_it() -> None:
    lacking = [i.id for i in _all_items() if i.id.startswith(LEGAL_BASIS_PREFIXES) and not i.legal_basis.strip()]
    assert lacking == []


def test_answer_types_are_all_used() -> None:
    used = {i.answer for i in _all_items()}
    assert used == set(AnswerType)


def test_no_compliant_questions_are_phrased_as_violations() -> None:
    """A question answered 'no' to be compliant asks whether a violation exists (是否存在/是否发现…)."""
    for item in _all_items():
        if item.answer in (AnswerType.BOOL, AnswerType.BOOL_NA) and item.compliant == "no":
            assert item.label.startswith(("是否存在", "是否发现", "是否为")), item.id
