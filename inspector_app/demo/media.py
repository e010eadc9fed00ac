"""Synthetic evidence for the demo workspace: document scans and site photos drawn with Pillow (fictional)."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from inspector_app import fonts


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    fontset = fonts.cached_fonts(fonts.default_cache_dir()) or fonts.ensure_fonts(fonts.default_cache_dir())
    return ImageFont.truetype(str(fontset.bold if bold else fontset.regular), size)


def _exif(when: dt.datetime) -> bytes:
    exif = Image.Exif()
    exif[0x0110] = "Demo Camera"  # Model
    exif[0x010F] = "Inspector"  # Make
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = when.strftime("%Y:%m:%d %H:%M:%S")  # DateTimeOriginal
    ifd[0x9011] = "+08:00"  # OffsetTimeOriginal
    return exif.tobytes()


def _jpeg(img: Image.Image, when: dt.datetime) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88, exif=_exif(when))
    return buf.getvalue()


def bill_scan(title: str, rows: list[tuple[str, str, str]], when: dt.datetime, seed: int = 1) -> bytes:
    """A scanned itemised bill (费用明细) with a slight grey paper tone."""
    rng = random.Random(seed)
    img = Image.new("RGB", (1240, 1754), (246, 244, 238))
    d = ImageDraw.Draw(img)
    d.text((620, 110), title, font=_font(46, bold=True), fill=(20, 20, 20), anchor="mm")
    d.text((120, 200), "住院号：ZY2026-0412    科别：骨科    结算日期：2026-04-12", font=_font(26), fill=(40, 40, 40))
    y = 280
    d.line((100, y, 1140, y), fill=(60, 60, 60), width=2)
    for n, (name, qty, amount) in enumerate(rows, start=1):
        y += 62
        d.text((120, y), f"{n:02d}  {name}", font=_font(28), fill=(30, 30, 30))
        d.text((820, y), qty, font=_font(28), fill=(30, 30, 30))
        d.text((1120, y), amount, font=_font(28), fill=(30, 30, 30), anchor="ra")
    d.line((100, y + 60, 1140, y + 60), fill=(60, 60, 60), width=2)
    for _ in range(1800):  # scanner speckle
        x, yy = rng.randrange(1240), rng.randrange(1754)
        img.putpixel((x, yy), (200, 198, 192))
    return _jpeg(img, when)


def site_photo(caption: str, when: dt.datetime, seed: int = 2) -> bytes:
    """A stand-in for a photo on site: a wall notice board with a price list."""
    rng = random.Random(seed)
    img = Image.new("RGB", (1600, 1200), (188, 196, 201))
    d = ImageDraw.Draw(img)
    for x in range(0, 1600, 4):  # wall texture
        shade = 180 + rng.randrange(18)
        d.line((x, 0, x, 1200), fill=(shade, shade + 6, shade + 10))
    d.rectangle((260, 150, 1340, 1050), fill=(250, 250, 245), outline=(90, 60, 30), width=14)
    d.text((800, 230), caption, font=_font(56, bold=True), fill=(150, 20, 20), anchor="mm")
    for n in range(9):
        d.text((330, 330 + n * 75), f"项目 {n + 1:02d}  ……………………  {rng.randrange(8, 460)}.00 元",
               font=_font(36), fill=(40, 40, 40))
    return _jpeg(img, when)


def write_demo_files(folder: Path, when: dt.datetime) -> list[tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    items = [
        ("住院费用明细清单.jpg", "住院费用明细（抽查病历 ZY2026-0412）",
         bill_scan("住院费用明细清单", [("骨科内固定器械（高值耗材）", "1 套", "12,860.00"),
                                      ("一次性手术包", "2 个", "860.00"), ("CT 检查（胸部）", "1 次", "320.00"),
                                      ("床位费", "9 天", "540.00"), ("护理费", "9 天", "306.00")], when)),
        ("价格公示栏.jpg", "病区价格公示栏", site_photo("医疗服务价格公示", when + dt.timedelta(minutes=7))),
        ("药品进销存台账.jpg", "药房进销存台账首页",
         bill_scan("药品进销存台账", [("阿莫西林胶囊 0.25g×24粒", "购进 200", "结存 36"),
                                   ("硝苯地平控释片 30mg×7片", "购进 120", "结存 18"),
                                   ("胰岛素注射液 3ml:300单位", "购进 40", "结存 4")], when + dt.timedelta(minutes=15),
                   seed=5)),
    ]
    out = []
    for name, caption, data in items:
        path = folder / name
        path.write_bytes(data)
        out.append((path, caption))
    return out


def add_demo_photos(app: Any, actor: Any, inspection_id: str, now: dt.datetime) -> None:
    """Import the demo's scans and site photos into an inspection, as an inspector would (one commit each)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        cn = dt.timezone(dt.timedelta(hours=8))  # the demo cameras write China time into EXIF
        for path, caption in write_demo_files(Path(tmp), now.astimezone(cn) - dt.timedelta(minutes=50)):
            committed = app.evidence.commit(actor, inspection_id, app.evidence.prepare(path), caption=caption)
            assert committed.evidence.id
