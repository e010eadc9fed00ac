"""Handwritten-signature strokes to a transparent PNG (Pillow), for captures made outside the Qt pad (demo, CLI)."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw


def strokes_to_png(strokes: list[list[list[float]]], width: int = 360, height: int = 120, pen: int = 4) -> bytes:
    img = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    for stroke in strokes:
        pts = [(x, y) for x, y in stroke]
        if len(pts) > 1:
            d.line(pts, fill=(20, 30, 90, 255), width=pen, joint="curve")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def demo_strokes(seed: int, width: int = 360, height: int = 120) -> list[list[list[float]]]:
    """A plausible scribble (for fictional demo signatures)."""
    rng = random.Random(seed)
    strokes = []
    x0 = 20.0
    for _ in range(rng.randint(3, 4)):
        stroke = []
        w = rng.uniform(60, 90)
        for i in range(24):
            t = i / 23
            stroke.append([x0 + t * w, height / 2 + math.sin(t * math.pi * rng.uniform(2, 4)) * rng.uniform(15, 35)])
        strokes.append(stroke)
        x0 += w + rng.uniform(8, 20)
    return strokes
