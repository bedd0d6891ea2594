"""A KHQR's text drawn as the PNG a bank app scans, with segno."""

from __future__ import annotations

import io

import segno

# Pixels per module and the quiet zone around the code, in modules (the QR standard asks for 4).
SCALE = 10
BORDER = 4


def qr_png(text: str) -> bytes:
    """The QR code of the text, as PNG bytes."""
    code = segno.make_qr(text, error="m")
    image = io.BytesIO()
    code.save(image, kind="png", scale=SCALE, border=BORDER)
    return image.getvalue()
