"""The derived Noto Sans SC fonts: naming, weights, embedding in ReportLab PDFs, coverage checks, the no-op path.

The fonts come from the suite-wide build of tests/conftest.py (~25-40 s once per machine; INSPECTOR_TEST_FONT_CACHE
chooses its directory).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector_app import fonts

REPO = Path(__file__).resolve().parents[2]
_REAL_SOURCE_FONT = fonts.source_font

BODY = "医疗保障基金现场检查笔录：被检查单位应当如实提供病历、收费票据和进销存记录。"
HEADING = "检查结论与处理意见"
TABLE_CELL = "定点医疗机构名称"
COMMON = BODY + HEADING + TABLE_CELL + "，。；：“”（）《》、—…０１２ABCabc123 ①②③ ℃ № ㎡ ×÷±≤≥ 张三 李四 王五"


@pytest.fixture(scope="session")
def fontset(shared_fonts: Path) -> fonts.FontSet:
    # The suite-wide build (tests/conftest.py): built once per machine, stamp-checked every run.
    return fonts.ensure_fonts(shared_fonts, jobs=2)


def _mini_variable_font(source: Path, text: str) -> bytes:
    """A few glyphs of the real variable font; subsetting keeps fvar/gvar, so it builds in milliseconds."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    subsetter = subset.Subsetter(opts)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


MINI_TEXT = "医保基金检查永國ABCabc123，。"


@pytest.fixture(scope="module")
def real_source() -> Path:
    return fonts.source_font()


@pytest.fixture(scope="module")
def mini_data(real_source: Path) -> bytes:
    return _mini_variable_font(real_source, MINI_TEXT)


@pytest.fixture
def mini_source(tmp_path: Path, real_source: Path, mini_data: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    """fonts.source_font() points at a miniature copy of the variable font, with OFL.txt beside it."""
    src_dir = tmp_path / "src"
    src_dir.mkdir()
    src = src_dir / "NotoSansSC[wght].ttf"
    src.write_bytes(mini_data)
    shutil.copy(real_source.parent / "OFL.txt", src_dir / "OFL.txt")
    monkeypatch.setattr(fonts, "source_font", lambda: src)
    return src


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (Debian: apt-get install poppler-utils)")
    return path


# ------------------------------------------------------------------------------------------------ source & files


def test_source_font_is_the_variable_noto_sans_sc() -> None:
    src = fonts.source_font()
    assert src.is_file() and src.name == "NotoSansSC[wght].ttf"
    assert (src.parent / "OFL.txt").is_file()


def test_missing_source_package_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "SOURCE_PACKAGE", "no_such_font_package_xyz")
    with pytest.raises(fonts.FontBuildError, match="pip install"):
        fonts.source_font()


def test_fontset_files_and_licence(fontset: fonts.FontSet) -> None:
    assert fontset.family == "Noto Sans SC"
    assert fontset.regular.name == "NotoSansSC-Regular.ttf" and fontset.bold.name == "NotoSansSC-Bold.ttf"
    assert fontset.regular.parent == fontset.bold.parent == fontset.licence.parent
    assert "SIL OPEN FONT LICENSE" in fontset.licence.read_text("utf-8").upper()
    stamp = json.loads((fontset.regular.parent / fonts.STAMP_FILE).read_text("utf-8"))
    assert stamp["recipe"] == fonts.RECIPE_VERSION
    assert stamp["source"]["size"] == fonts.source_font().stat().st_size
    assert not list(fontset.regular.parent.glob("*.tmp")), "temporary files left behind"


@pytest.mark.parametrize(("style", "weight"), [("Regular", 400), ("Bold", 700)])
def test_static_instances_are_renamed(fontset: fonts.FontSet, style: str, weight: int) -> None:
    from fontTools.ttLib import TTFont

    path = fontset.regular if style == "Regular" else fontset.bold
    with TTFont(path, lazy=True) as font:
        name = font["name"]
        assert name.getDebugName(6) == f"NotoSansSC-{style}"
        assert name.getDebugName(1) == "Noto Sans SC"
        assert name.getDebugName(2) == style
        assert name.getDebugName(4) == f"Noto Sans SC {style}"
        assert not [r for r in name.names if r.nameID in (16, 17, 25)]
        assert "Thin" not in " ".join(str(name.getDebugName(i)) for i in (1, 2, 3, 4, 6))
        assert font["OS/2"].usWeightClass == weight
        fs_sel, mac_style = font["OS/2"].fsSelection, font["head"].macStyle
        if style == "Bold":
            assert fs_sel & 0x20 and not fs_sel & 0x40 and mac_style & 0x01
        else:
            assert fs_sel & 0x40 and not fs_sel & 0x20 and not mac_style & 0x01
        assert "fvar" not in font and "gvar" not in font and "glyf" in font  # static TrueType, no CFF
        assert font["OS/2"].fsType == 0  # installable embedding


def test_instances_are_not_the_thin_default(fontset: fonts.FontSet) -> None:
    """The trap: a variable font renders at its default (Thin). Ink area must grow Thin < Regular < Bold."""
    from fontTools.pens.areaPen import AreaPen
    from fontTools.ttLib import TTFont

    def ink(path: Path, chars: str) -> list[float]:
        with TTFont(path, lazy=True) as font:
            cmap, glyphs = font.getBestCmap(), font.getGlyphSet()  # a variable font: its default instance (Thin)
            areas = []
            for ch in chars:
                pen = AreaPen(glyphs)
                glyphs[cmap[ord(ch)]].draw(pen)
                areas.append(abs(pen.value))
            return areas

    chars = "永國检"
    triples = zip(chars, ink(fonts.source_font(), chars), ink(fontset.regular, chars), ink(fontset.bold, chars))
    for ch, thin, regular, bold in triples:
        assert thin * 1.5 < regular < bold / 1.2, (ch, thin, regular, bold)


# ------------------------------------------------------------------------------------------------ ReportLab PDF


def _render_pdf(fontset: fonts.FontSet, out: Path) -> None:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    fonts.register_reportlab(fontset)
    body = ParagraphStyle("body", fontName=fonts.RL_REGULAR, bulletFontName=fonts.RL_REGULAR, fontSize=12,
                          leading=18, wordWrap="CJK")
    heading = ParagraphStyle("h", parent=body, fontName=fonts.RL_BOLD, bulletFontName=fonts.RL_BOLD, fontSize=16,
                             leading=24)
    table = Table([[Paragraph(TABLE_CELL, body), "测试市人民医院"], ["统一社会信用代码", "12379902MB0000011"]])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.RL_REGULAR),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [
        Paragraph(HEADING, heading),
        Paragraph(BODY, body),
        Paragraph(f"常规文字与<b>加粗文字</b>混排：{COMMON}", body),
        Spacer(1, 12),
        table,
    ]
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        # The doc template passes its own initialFontName (default None -> Helvetica) to the canvasmaker, so it
        # must be set here; a canvasmaker partial(Canvas, initialFontName=...) alone is overridden.
        doc = SimpleDocTemplate(str(out), pagesize=A4, title="字体测试", author="inspector_app tests",
                                initialFontName=fonts.RL_REGULAR)
        doc.build(story)
    finally:
        rl_config.useA85 = old


@pytest.fixture(scope="session")
def record_pdf(fontset: fonts.FontSet, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "fonts.pdf"
    _render_pdf(fontset, out)
    return out


def test_pdf_embeds_two_distinct_subsets(record_pdf: Path) -> None:
    out = subprocess.run([_tool("pdffonts"), str(record_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [ln for ln in out.splitlines()[2:] if ln.strip()]
    parsed = []
    for row in rows:
        m = re.match(r"^(\S+)\s+.*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)
        assert m, row
        parsed.append(m.groups())
    assert parsed, out
    assert all(emb == "yes" for _, emb, _, _ in parsed), out  # no Helvetica or other unembedded font
    assert all(sub == "yes" for _, _, sub, _ in parsed), out
    base_names = {name.split("+", 1)[1] for name, *_ in parsed if "+" in name}
    assert base_names == {"NotoSansSC-Regular", "NotoSansSC-Bold"}, out
    assert len(parsed) == len({name for name, *_ in parsed}) >= 2


def test_pdf_text_extracts(record_pdf: Path) -> None:
    text = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", str(record_pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for expected in (HEADING, BODY, TABLE_CELL, "加粗文字", "测试市人民医院"):
        assert re.sub(r"\s+", "", expected) in flat, (expected, text)


def test_register_reportlab_is_idempotent(fontset: fonts.FontSet) -> None:
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase import pdfmetrics

    fonts.register_reportlab(fontset)
    regular, bold = pdfmetrics.getFont(fonts.RL_REGULAR), pdfmetrics.getFont(fonts.RL_BOLD)
    fonts.register_reportlab(fontset)
    assert pdfmetrics.getFont(fonts.RL_REGULAR) is regular and pdfmetrics.getFont(fonts.RL_BOLD) is bold
    assert tt2ps(fonts.RL_REGULAR, 1, 0) == fonts.RL_BOLD  # what <b> resolves to
    assert tt2ps(fonts.RL_REGULAR, 0, 0) == fonts.RL_REGULAR
    assert regular.face.name != bold.face.name


# ------------------------------------------------------------------------------------------------ coverage


def test_missing_glyphs(fontset: fonts.FontSet) -> None:
    assert fonts.missing_glyphs(COMMON + "\n\t", fontset.regular) == set()
    assert fonts.missing_glyphs(COMMON, fontset.bold) == set()
    ext_b = "\U00020000"  # 𠀀, CJK Extension B: not in Noto Sans SC
    assert fonts.missing_glyphs(f"患者姓名：王{ext_b}明", fontset.regular) == {ext_b}
    assert fonts.missing_glyphs("", fontset.regular) == set()


def test_gbk_and_common_name_characters_are_covered(fontset: fonts.FontSet) -> None:
    cmap = fonts.font_codepoints(fontset.regular)
    gbk_hanzi = {cp for cp in range(0x4E00, 0x9FA6)}  # all of GBK's ideographs are in this block
    assert not gbk_hanzi - cmap
    # 通用规范汉字表 characters outside GBK, seen in personal names (e.g. 𬌗 U+2C317, 𬳽 U+2CCFD, 䶮 U+4DAE)
    assert fonts.missing_glyphs("\U0002C317\U0002CCFD", fontset.regular) == set()


# ------------------------------------------------------------------------------------------------ no-op path


def test_second_ensure_is_a_fast_noop(fontset: fonts.FontSet, tmp_path: Path) -> None:
    # a private copy: the suite-wide cache is shared with other checkouts on the machine, whose own copy of the
    # source font (another mtime) may refresh the stamp at any moment
    cache = tmp_path / "fonts"
    shutil.copytree(fontset.regular.parent, cache)
    fontset = fonts.ensure_fonts(cache)
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    calls: list[tuple[int, str]] = []
    fonts._sha256_cached.cache_clear()  # include the source hash, as in a fresh process
    t0 = time.perf_counter()
    again = fonts.ensure_fonts(cache, lambda pct, msg: calls.append((pct, msg)))
    elapsed = time.perf_counter() - t0
    assert again == fontset
    assert elapsed < 1.0, elapsed
    assert calls == []
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before


def test_stale_stamp_is_detected(fontset: fonts.FontSet, tmp_path: Path) -> None:
    copy = tmp_path / "fonts"
    shutil.copytree(fontset.regular.parent, copy)
    src = fonts.source_font()
    assert fonts._stamp_matches(copy, src)

    stamp_path = copy / fonts.STAMP_FILE
    stamp = json.loads(stamp_path.read_text("utf-8"))
    stamp_path.write_text(json.dumps({**stamp, "recipe": fonts.RECIPE_VERSION + 1}), "utf-8")
    assert not fonts._stamp_matches(copy, src)

    # Same size, another file stamp (the package was reinstalled with other bytes): the hash decides.
    stamp_path.write_text(json.dumps({**stamp, "source": {**stamp["source"], "sha256": "0" * 64, "mtime_ns": 1}}),
                          "utf-8")
    assert not fonts._stamp_matches(copy, src)

    stamp_path.write_text(json.dumps(stamp), "utf-8")
    with (copy / fonts.BOLD_FILE).open("r+b") as fh:  # a truncated font (e.g. a crash during a copy)
        fh.truncate(1000)
    assert not fonts._stamp_matches(copy, src)

    stamp_path.write_text("{not json", "utf-8")
    assert not fonts._stamp_matches(copy, src)


def test_source_is_hashed_only_when_its_file_stamp_changes(fontset: fonts.FontSet, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "fonts"
    shutil.copytree(fontset.regular.parent, copy)
    src = fonts.source_font()
    stamp_path = copy / fonts.STAMP_FILE
    stamp = json.loads(stamp_path.read_text("utf-8"))
    # A stamp from before file stamps were recorded (or after a reinstall with the same bytes): hashed once...
    stamp["source"].pop("mtime_ns", None)
    stamp_path.write_text(json.dumps(stamp), "utf-8")
    hashed: list[Path] = []
    real = fonts._sha256
    monkeypatch.setattr(fonts, "_sha256", lambda p: hashed.append(p) or real(p))
    fonts._sha256_cached.cache_clear()
    assert fonts.cached_fonts(copy) is not None
    assert hashed == [src]
    assert json.loads(stamp_path.read_text("utf-8"))["source"]["mtime_ns"] == src.stat().st_mtime_ns
    # ... and the next launch (a fresh process: empty in-memory cache) only compares the file stamp.
    fonts._sha256_cached.cache_clear()
    assert fonts.cached_fonts(copy) is not None
    assert fonts.ensure_fonts(copy) == fonts.cached_fonts(copy)
    assert hashed == [src]


def test_cli_reports_current_fonts(fontset: fonts.FontSet) -> None:
    proc = subprocess.run([sys.executable, "-m", "inspector_app.fonts", "--cache-dir", str(fontset.regular.parent)],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert str(fontset.regular) in proc.stdout and str(fontset.bold) in proc.stdout
    assert "already current" in proc.stdout


def test_default_cache_dir_honours_inspector_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("INSPECTOR_FONT_CACHE", raising=False)
    monkeypatch.setenv("INSPECTOR_HOME", str(tmp_path))
    assert fonts.default_cache_dir() == tmp_path.resolve() / "cache" / "fonts"
    monkeypatch.delenv("INSPECTOR_HOME")
    assert fonts.default_cache_dir().name == "fonts"
    assert "inspector-app" in str(fonts.default_cache_dir())


def test_module_is_qt_free() -> None:
    code = ("import sys, inspector_app.fonts as f; f.default_cache_dir(); "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
            "sys.exit(str(bad) if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr


# ------------------------------------------------------------------------------------------------ build pipeline


def test_build_pipeline_on_a_miniature_font(mini_source: Path, real_source: Path, tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    cache = tmp_path / "cache"
    calls: list[tuple[int, str]] = []
    fs = fonts.ensure_fonts(cache, lambda pct, msg: calls.append((pct, msg)))
    percents = [pct for pct, _ in calls]
    assert percents[0] == 0 and percents[-1] == 100 and percents == sorted(percents), calls
    assert fs == fonts.FontSet(cache / fonts.REGULAR_FILE, cache / fonts.BOLD_FILE, cache / "OFL.txt")
    with TTFont(fs.bold) as bold:
        assert bold["name"].getDebugName(6) == "NotoSansSC-Bold" and bold["OS/2"].usWeightClass == 700
    assert fonts.missing_glyphs("医保基金", fs.regular) == set()
    assert fonts.missing_glyphs("医保基金稽核", fs.regular) == {"稽", "核"}
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [fonts.REGULAR_FILE, fonts.BOLD_FILE, "OFL.txt", fonts.STAMP_FILE])

    calls.clear()
    assert fonts.ensure_fonts(cache, lambda pct, msg: calls.append((pct, msg))) == fs
    assert calls == []  # current: nothing built
    assert fonts.cached_fonts(cache) == fs
    assert fonts.cached_fonts(tmp_path / "nothing-here") is None

    # a new source (the dependency was upgraded) rebuilds, and the cmap cache notices the new file
    mini_source.write_bytes(_mini_variable_font(real_source, MINI_TEXT + "稽核"))
    fonts.ensure_fonts(cache, lambda pct, msg: calls.append((pct, msg)))
    assert calls and calls[-1][0] == 100
    assert fonts.missing_glyphs("医保基金稽核", fs.regular) == set()

    calls.clear()
    fonts.ensure_fonts(cache, lambda pct, msg: calls.append((pct, msg)), force=True)
    assert calls


def test_prebuilt_fonts_work_without_the_source_package(mini_source: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An installer may ship the built fonts and leave out justmytype-intl-cjk."""
    cache = tmp_path / "cache"
    fs = fonts.ensure_fonts(cache)
    monkeypatch.setattr(fonts, "SOURCE_PACKAGE", "no_such_font_package_xyz")
    monkeypatch.setattr(fonts, "source_font", _REAL_SOURCE_FONT)  # undo mini_source: now the lookup fails
    assert fonts.ensure_fonts(cache) == fs
    assert fonts.cached_fonts(cache) == fs
    with pytest.raises(fonts.FontBuildError, match="pip install"):
        fonts.ensure_fonts(tmp_path / "empty")
    assert fonts.cached_fonts(tmp_path / "empty") is None


def test_parallel_and_sequential_builds_are_identical(mini_source: Path, tmp_path: Path) -> None:
    one = fonts.ensure_fonts(tmp_path / "one", jobs=1)
    two = fonts.ensure_fonts(tmp_path / "two", jobs=2)  # two spawned processes
    assert one.regular.read_bytes() == two.regular.read_bytes()
    assert one.bold.read_bytes() == two.bold.read_bytes()
    assert one.regular.read_bytes() != one.bold.read_bytes()


def test_failed_build_leaves_no_partial_files(mini_source: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    fonts.ensure_fonts(cache)
    regular_before = (cache / fonts.REGULAR_FILE).read_bytes()

    def boom(fh: object) -> None:
        raise OSError(28, "No space left on device")

    real_atomic_write = fonts._atomic_write

    def failing_bold(path: Path, write):  # type: ignore[no-untyped-def]
        return real_atomic_write(path, boom if path.name == fonts.BOLD_FILE else write)

    monkeypatch.setattr(fonts, "_atomic_write", failing_bold)
    with pytest.raises(fonts.FontBuildError, match="No space left"):
        fonts.ensure_fonts(cache, force=True)
    assert not (cache / fonts.STAMP_FILE).exists()  # so the next start rebuilds
    assert not list(cache.glob(".*.tmp"))
    assert (cache / fonts.REGULAR_FILE).read_bytes() == regular_before  # complete old or new file, never half
    monkeypatch.setattr(fonts, "_atomic_write", real_atomic_write)
    assert not fonts._stamp_matches(cache, mini_source)
    fonts.ensure_fonts(cache)
    assert fonts._stamp_matches(cache, mini_source)


def test_two_callers_at_once_make_one_build(mini_source: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's first-start build and a PDF made meanwhile (the signing process is sent work only after it): the
    second caller waits for the running build and finds the fonts current instead of building them again."""
    import threading

    builds: list[int] = []
    started, release = threading.Event(), threading.Event()
    real = fonts._build

    def slow_build(*args, **kwargs):  # type: ignore[no-untyped-def]
        builds.append(1)
        started.set()
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(fonts, "_build", slow_build)
    cache = tmp_path / "cache"
    results: list[fonts.FontSet] = []
    first = threading.Thread(target=lambda: results.append(fonts.ensure_fonts(cache)))
    first.start()
    assert started.wait(30)
    second = threading.Thread(target=lambda: results.append(fonts.ensure_fonts(cache)))
    second.start()
    second.join(0.3)
    assert second.is_alive(), "the second caller waits for the running build"
    release.set()
    first.join(60)
    second.join(60)
    assert len(builds) == 1 and len(results) == 2 and results[0] == results[1]
    assert fonts.cached_fonts(cache) == results[0]
