"""A posted image made fit to show a vision model: upright, its long edge bounded, within the APIs' limits."""

from __future__ import annotations

import io

from PIL import Image, ImageOps

from balance_bot.ports import ImageUnreadable, PostedImage
from infrastructure.llm.questions import ShownImage

# Anthropic advises a long edge of at most 1568 px: larger images are scaled down on its side
# anyway, after the upload and the wait. Ollama's Qwen-VL scales to about a megapixel itself.
MAX_EDGE = 1568
# Anthropic's limit is on the base64 text (5 MB); the bytes it carries are 3/4 of it.
MAX_BYTES = 5 * 1024 * 1024 * 3 // 4
# Beyond this many pixels an image is not decoded at all (Pillow warns of a decompression bomb
# from 89 megapixels): a phone's 50-megapixel photo still is.
MAX_PIXELS = 89_000_000
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
_ORIENTATION = 0x0112  # EXIF: how the camera was held
JPEG_QUALITY = 85


def shown_image(image: PostedImage, max_edge: int = MAX_EDGE) -> ShownImage:
    """The image as a model is shown it: as posted when it already fits, else upright and scaled
    down (a screenshot stays PNG, its text sharp; a photo, or a PNG too heavy, becomes JPEG).
    Its media type is what its bytes are, whatever the sender's app declared.
    Raises ImageUnreadable for what is not an image, a damaged one, or one too large to decode."""
    try:
        with Image.open(io.BytesIO(image.data)) as opened:
            return _shown(image.data, opened, max_edge)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageUnreadable(f"{type(exc).__name__}: {exc}") from exc


def _shown(data: bytes, opened: Image.Image, max_edge: int) -> ShownImage:
    media_type = MEDIA_TYPES.get(opened.format or "")
    width, height = opened.size
    if width * height > MAX_PIXELS:
        raise ImageUnreadable(f"{width}x{height} pixels is more than an image is read at")
    upright = opened.getexif().get(_ORIENTATION, 1) in (0, 1)
    if media_type is not None and upright and max(width, height) <= max_edge and len(data) <= MAX_BYTES:
        opened.load()  # a damaged file is refused here, not by the model
        return ShownImage(data, media_type, width, height)
    opened.draft("RGB", (max_edge, max_edge))  # a JPEG decodes straight at a fraction of its size
    picture = ImageOps.exif_transpose(opened)
    picture.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    return _encoded(_on_white(picture), screenshot=opened.format == "PNG")


def _on_white(picture: Image.Image) -> Image.Image:
    """RGB, any transparency laid on white as a chat app shows it."""
    if picture.mode in ("RGBA", "LA", "P", "PA"):
        rgba = picture.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return picture.convert("RGB")


def _encoded(picture: Image.Image, *, screenshot: bool) -> ShownImage:
    if screenshot:
        png = io.BytesIO()
        picture.save(png, format="PNG")
        if png.tell() <= MAX_BYTES:
            return ShownImage(png.getvalue(), "image/png", *picture.size)
    for quality in (JPEG_QUALITY, 60, 35):
        jpeg = io.BytesIO()
        picture.save(jpeg, format="JPEG", quality=quality)
        if jpeg.tell() <= MAX_BYTES:
            break
    return ShownImage(jpeg.getvalue(), "image/jpeg", *picture.size)
