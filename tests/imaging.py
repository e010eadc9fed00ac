"""Test media made on the fly with Pillow (nothing binary is committed): EXIF photos, broken files, PNG bombs."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

from PIL import ExifTags, Image

# 31°13'49.5"N 121°28'25.32"E
GPS_N_E = {1: "N", 2: (31.0, 13.0, 49.5), 3: "E", 4: (121.0, 28.0, 25.32), 5: b"\x00", 6: 12.5}


def exif_block(orientation: int = 1, when: str | None = "2026:11:20 09:15:02", offset: str | None = "+08:00",
               gps: dict[int, object] | None = None, make: str = "HUAWEI", model: str = "P60 Pro") -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110] = make, model
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    if when:
        sub[0x9003] = when
    if offset:
        sub[0x9011] = offset
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(gps)
    return exif


def marked_image(size: tuple[int, int] = (400, 300), seed: int = 0, texture: bool = False) -> Image.Image:
    """Grey picture with a red block in the top-left corner (to tell orientation); optional photo-like texture."""
    w, h = size
    if texture:
        rnd = random.Random(seed)
        small = Image.new("RGB", (w // 40 or 1, h // 40 or 1))
        small.putdata([(rnd.randrange(60, 200), rnd.randrange(60, 200), rnd.randrange(60, 200))
                       for _ in range(small.width * small.height)])
        im = small.resize(size, Image.Resampling.BICUBIC)
        noise = Image.effect_noise(size, 18).convert("RGB")
        im = Image.blend(im, noise, 0.25)
    else:
        im = Image.new("RGB", size, (40 + seed * 37 % 180, 60 + seed * 11 % 150, 128))
    im.paste((220, 20, 20), (0, 0, w // 4, h // 4))
    return im


def exif_jpeg(size: tuple[int, int] = (400, 300), orientation: int = 1, seed: int = 0, quality: int = 90,
              texture: bool = False, **exif_kw: object) -> bytes:
    buf = io.BytesIO()
    marked_image(size, seed, texture).save(buf, "JPEG", quality=quality,
                                           exif=exif_block(orientation, **exif_kw))  # type: ignore[arg-type]
    return buf.getvalue()


def png_bytes(size: tuple[int, int] = (64, 48), mode: str = "RGBA") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, (10, 120, 200, 128) if mode == "RGBA" else 90).save(buf, "PNG")
    return buf.getvalue()


def pdf_bytes(pages: int = 2) -> bytes:
    buf = io.BytesIO()
    ims = [Image.new("RGB", (200, 280), "white") for _ in range(pages)]
    ims[0].save(buf, "PDF", save_all=True, append_images=ims[1:])
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width: int = 20000, height: int = 20000) -> bytes:
    """A valid 1-bit greyscale PNG of width×height: hundreds of megapixels in a few tens of kilobytes."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))


def docx_like() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def random_bytes(n: int = 4096, seed: int = 7) -> bytes:
    data = random.Random(seed).randbytes(n)
    return b"\x01" + data[1:]  # make sure no magic number happens to match


def heic_header() -> bytes:
    return struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def encoded(fmt: str, size: tuple[int, int] = (120, 90), frames: int = 1, mode: str = "RGB") -> bytes:
    """A picture in another container (TIFF, WEBP, MPO…), several frames/pages when asked."""
    ims = [Image.new(mode, size, 60 + 40 * i) if mode == "L" else marked_image(size, seed=i) for i in range(frames)]
    buf = io.BytesIO()
    ims[0].save(buf, fmt, save_all=frames > 1, append_images=ims[1:])
    return buf.getvalue()
