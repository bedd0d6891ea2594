"""A clean drawing made into a phone photo of it, the encodings, and the files that are no readable
image."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from tests.corpus.images.draw_fonts import font


def perspective_coefficients(
    source: list[tuple[float, float]], target: list[tuple[float, float]]
) -> list[float]:
    """The eight coefficients Pillow's PERSPECTIVE transform takes to map target corners to source ones."""
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    flat = [coordinate for point in source for coordinate in point]
    return [float(c) for c in np.linalg.solve(np.array(rows, dtype=float), np.array(flat, dtype=float))]


def degrade(clean: Image.Image, rng: random.Random) -> Image.Image:
    """The image as a phone photo of it: on a table, a little turned and skewed, soft, unevenly lit, smaller,
    JPEG-compressed."""
    paper = clean.convert("RGB")
    width, height = paper.size
    margin = int(max(width, height) * 0.08)
    table_colour = rng.choice([(142, 112, 84), (96, 96, 104), (176, 160, 140), (60, 70, 62)])
    canvas = Image.new("RGB", (width + 2 * margin, height + 2 * margin), table_colour)
    canvas.paste(paper, (margin, margin))
    big_w, big_h = canvas.size
    wobble = [rng.uniform(-0.035, 0.035) * big_w for _ in range(8)]
    corners = [(0.0, 0.0), (big_w, 0.0), (big_w, big_h), (0.0, big_h)]
    moved = [(x + wobble[2 * i], y + wobble[2 * i + 1]) for i, (x, y) in enumerate(corners)]
    canvas = canvas.transform(
        canvas.size,
        Image.Transform.PERSPECTIVE,
        perspective_coefficients(moved, corners),
        Image.Resampling.BICUBIC,
        fillcolor=table_colour,
    )
    angle = rng.choice([-1, 1]) * rng.uniform(1.5, 5.0)
    canvas = canvas.rotate(angle, Image.Resampling.BICUBIC, expand=True, fillcolor=table_colour)
    # light falling from one side
    light = np.linspace(rng.uniform(0.72, 0.85), 1.0, canvas.size[0], dtype=np.float32)
    if rng.random() < 0.5:
        light = light[::-1]
    pixels = np.asarray(canvas, dtype=np.float32) * light[None, :, None]
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, pixels.shape)
    canvas = Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))
    canvas = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))
    scale = rng.uniform(0.62, 0.8)
    return canvas.resize((int(canvas.size[0] * scale), int(canvas.size[1] * scale)), Image.Resampling.LANCZOS)


def jpeg(image: Image.Image, quality: int) -> bytes:
    """The image as JPEG bytes."""
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def png(image: Image.Image) -> bytes:
    """The image as PNG bytes."""
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def bad_images(rng: random.Random) -> Iterator[tuple[str, bytes, str]]:
    """Images with no money on them, and files that are no readable image."""
    landscape = Image.new("RGB", (960, 720), (135, 190, 235))
    pen = ImageDraw.Draw(landscape)
    pen.ellipse((700, 80, 820, 200), fill=(255, 214, 90))
    pen.polygon([(0, 520), (260, 250), (520, 520)], fill=(70, 110, 80))
    pen.polygon([(300, 520), (620, 200), (960, 520)], fill=(52, 92, 66))
    pen.rectangle((0, 520, 960, 720), fill=(200, 180, 110))
    for _ in range(30):
        x, y = rng.randint(0, 940), rng.randint(540, 700)
        pen.ellipse((x, y, x + 12, y + 6), fill=(150, 130, 80))
    yield (
        "none-landscape.jpg",
        jpeg(landscape.filter(ImageFilter.GaussianBlur(1)), 80),
        "a landscape, no text",
    )
    meme = Image.new("RGB", (800, 800), (40, 40, 48))
    pen = ImageDraw.Draw(meme)
    pen.ellipse((250, 250, 550, 550), fill=(240, 200, 150))
    pen.ellipse((330, 350, 370, 390), fill=(30, 30, 30))
    pen.ellipse((430, 350, 470, 390), fill=(30, 30, 30))
    pen.arc((330, 400, 470, 500), 20, 160, fill=(30, 30, 30), width=8)
    impact = font("DejaVuSans-Bold.ttf", 54)
    pen.text(
        (400, 110),
        "WHEN THE TUK TUK",
        font=impact,
        fill="white",
        anchor="mm",
        stroke_width=3,
        stroke_fill="black",
    )
    pen.text(
        (400, 690),
        "SAYS FIVE MINUTES",
        font=impact,
        fill="white",
        anchor="mm",
        stroke_width=3,
        stroke_fill="black",
    )
    yield "none-meme.jpg", jpeg(meme, 80), "a meme with words and no money"
    whole = jpeg(meme, 80)
    yield (
        "none-corrupt.jpg",
        whole[: len(whole) // 3] + bytes(rng.randrange(256) for _ in range(2000)),
        ("a JPEG cut at a third and followed by noise"),
    )
    yield (
        "none-not-an-image.pdf",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        ("a PDF, not an image"),
    )
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00\x00\x01\x00meta" + bytes(600)
    yield "none-iphone.heic", heic, "the start of a HEIC file (an iPhone's photo sent as a file)"
