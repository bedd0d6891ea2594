"""Images for the fake vision models: drawn in a colour that stands for what is on them, and seen by it."""

from __future__ import annotations

import io
import os

from PIL import Image

# What a fake model "reads" on an image: the colour it was drawn in stands for its receipt.
PALETTE = {
    "white": (255, 255, 255),
    "red": (220, 30, 30),
    "green": (30, 200, 60),
    "blue": (30, 60, 220),
    "yellow": (240, 220, 40),
}


def drawn_receipt(
    colour: str = "white", size: tuple[int, int] = (600, 900), image_format: str = "PNG", noise: bool = False
) -> bytes:
    """An image of the given colour and size; with noise, one that no format compresses much."""
    image = Image.new("RGB", size, PALETTE[colour])
    if noise:
        grain = Image.frombytes("L", size, os.urandom(size[0] * size[1]))
        image = Image.blend(image, grain.convert("RGB"), 0.5)
    out = io.BytesIO()
    image.save(out, format=image_format)
    return out.getvalue()


def seen(data: bytes) -> tuple[str, tuple[int, int], str]:
    """What a model sees on the image: its colour's name, its size, and its format (PNG, JPEG...).
    Raises ValueError when the bytes are not an image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format or ""
            size = image.size
            centre = image.convert("RGB").resize((1, 1)).getpixel((0, 0))
    except (OSError, SyntaxError) as exc:
        raise ValueError(str(exc)) from exc
    assert isinstance(centre, tuple)
    colour = min(
        PALETTE, key=lambda name: sum((a - b) ** 2 for a, b in zip(PALETTE[name], centre, strict=True))
    )
    return colour, size, image_format
