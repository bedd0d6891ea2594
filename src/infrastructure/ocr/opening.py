"""A posted image's bytes decoded safely: known formats only, the pixel count checked before decoding,
upright as the camera held it, in grey at a size worth reading."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from balance_bot.ports.images import ImageDamaged, ImageFormatRefused, ImageTooLarge, NotAnImage

# The formats a chat delivers images in; other decoders of Pillow (and their bugs) are never reached.
DECODED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP")
# ISO media files (HEIC/HEIF, AVIF) name their brand at bytes 8-12 after "ftyp".
REFUSED_BRANDS = {
    b"heic": "HEIC",
    b"heix": "HEIC",
    b"heim": "HEIC",
    b"heis": "HEIC",
    b"hevc": "HEIC",
    b"hevx": "HEIC",
    b"mif1": "HEIF",
    b"msf1": "HEIF",
    b"avif": "AVIF",
}
# The longest side decoded: more pixels than this add no legible text, only memory and time.
LONGEST_DECODED_SIDE = 2400


def open_image(data: bytes, max_pixels: int) -> Image.Image:
    """The image upright (EXIF orientation applied) in greyscale, its longest side at most
    LONGEST_DECODED_SIDE; raises an ImageUnreadable kind saying why it cannot be read."""
    refused = refused_format(data)
    if refused:
        raise ImageFormatRefused(f"{refused} is not decoded here")
    try:
        with warnings.catch_warnings():
            # Pillow warns past its own bomb limit; ours below is lower and raises.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=DECODED_FORMATS)
            width, height = image.size
            if width * height > max_pixels:
                raise ImageTooLarge(f"{width}x{height} pixels, more than {max_pixels}")
            # A JPEG is decoded at a half, a quarter or an eighth of its size when that is enough.
            image.draft("L", (LONGEST_DECODED_SIDE, LONGEST_DECODED_SIDE))
            image.load()
            upright = ImageOps.exif_transpose(image)
    except UnidentifiedImageError as exc:
        raise NotAnImage("no image format recognised") from exc
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(str(exc)) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # Pillow's decoders say "truncated", "broken data stream" or "not a valid image" this way.
        raise ImageDamaged(str(exc)) from exc
    grey = flattened(upright).convert("L")
    grey.thumbnail((LONGEST_DECODED_SIDE, LONGEST_DECODED_SIDE), Image.Resampling.LANCZOS)
    return grey


def refused_format(data: bytes) -> str | None:
    """The name of a format refused on purpose (HEIC and its kin), from the file's first bytes."""
    return REFUSED_BRANDS.get(data[8:12]) if data[4:8] == b"ftyp" else None


def flattened(image: Image.Image) -> Image.Image:
    """A transparent image (a PNG screenshot, a sticker) on white, as a chat shows it."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba)
    return image
