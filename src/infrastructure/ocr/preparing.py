"""A grey image made easier for Tesseract: cropped to the paper when photographed on a table, turned
level, its text scaled to the height Tesseract reads best, its contrast stretched."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageFilter, ImageOps

# Tesseract's LSTM models read lines best around this height in pixels (capital letters of 20-30 px).
TEXT_LINE_HEIGHT = 30
SMALLEST_SCALE, LARGEST_SCALE = 0.5, 3.0
# Beyond this many pixels the image is not scaled up further: time grows with pixels, legibility does not.
MOST_PIXELS_READ = 5_000_000
# Level is searched within this many degrees, in steps of STEP, on a copy at most ANALYSED_SIDE long.
STEEPEST_TILT, TILT_STEP = 8.0, 0.5
ANALYSED_SIDE = 900
# How much darker than its neighbourhood a pixel is to count as ink, in grey levels.
INK_CONTRAST = 18


def prepare(grey: Image.Image) -> Image.Image:
    """The image as Tesseract is given it."""
    grey = cropped_to_paper(grey)
    grey = levelled(grey)
    grey = scaled_to_text(grey)
    return ImageOps.autocontrast(light_behind_text(grey), cutoff=1)


def otsu_threshold(pixels: NDArray[np.uint8]) -> int:
    """The grey level that best splits the pixels into dark and light (Otsu's method)."""
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight_dark = np.cumsum(histogram)
    weight_light = weight_dark[-1] - weight_dark
    sum_dark = np.cumsum(histogram * levels)
    mean_dark = sum_dark / np.maximum(weight_dark, 1)
    mean_light = (sum_dark[-1] - sum_dark) / np.maximum(weight_light, 1)
    between = weight_dark * weight_light * (mean_dark - mean_light) ** 2
    return int(np.argmax(between))


def analysed(grey: Image.Image) -> tuple[Image.Image, float]:
    """A small copy for measuring, and the factor from its size to the image's."""
    factor = min(1.0, ANALYSED_SIDE / max(grey.size))
    if factor == 1.0:
        return grey, 1.0
    small = grey.resize((max(1, round(grey.width * factor)), max(1, round(grey.height * factor))))
    return small, factor


def cropped_to_paper(grey: Image.Image) -> Image.Image:
    """A receipt or a screen photographed on a darker table, cut to the bright paper; any other image
    (a screenshot, a scan) as it is."""
    small, factor = analysed(grey)
    pixels = np.asarray(small)
    bright = pixels > otsu_threshold(pixels)
    frame = max(2, min(bright.shape) // 30)
    border = np.concatenate(
        [
            bright[:frame].ravel(),
            bright[-frame:].ravel(),
            bright[:, :frame].ravel(),
            bright[:, -frame:].ravel(),
        ]
    )
    if border.mean() > 0.4:
        return grey
    rows = np.flatnonzero(bright.mean(axis=1) > 0.45)
    columns = np.flatnonzero(bright.mean(axis=0) > 0.45)
    if rows.size < 10 or columns.size < 10:
        return grey
    pad = frame
    box = (
        max(0, round((columns[0] - pad) / factor)),
        max(0, round((rows[0] - pad) / factor)),
        min(grey.width, round((columns[-1] + pad) / factor)),
        min(grey.height, round((rows[-1] + pad) / factor)),
    )
    return grey.crop(box)


def ink_of(grey: Image.Image) -> NDArray[np.bool_]:
    """Where the ink is: pixels clearly darker than their neighbourhood. A table around the paper, a shadow
    or a coloured band is as dark as its surroundings, so it is no ink, where one threshold for the whole
    image would take it for ink."""
    radius = max(6, min(grey.size) // 40)
    pixels = np.asarray(grey, dtype=np.int16)
    surroundings = np.asarray(grey.filter(ImageFilter.BoxBlur(radius)), dtype=np.int16)
    return pixels < surroundings - INK_CONTRAST


def levelled(grey: Image.Image) -> Image.Image:
    """The image turned so its lines of text run level: the tilt at which rows of ink and rows of paper
    alternate most sharply (the row sums' variance is largest)."""
    small, _ = analysed(grey)
    ink = Image.fromarray(ink_of(small).astype(np.uint8) * 255)

    def sharpness(angle: float) -> float:
        turned = np.asarray(ink.rotate(angle, Image.Resampling.NEAREST, expand=True), dtype=np.float32)
        return float(np.var(turned.sum(axis=1)))

    steps = int(STEEPEST_TILT / TILT_STEP)
    angles = [step * TILT_STEP for step in range(-steps, steps + 1)]
    best = max(angles, key=lambda angle: (sharpness(angle), -abs(angle)))
    if abs(best) < TILT_STEP:
        return grey
    background = int(np.percentile(np.asarray(small), 90))
    return grey.rotate(best, Image.Resampling.BICUBIC, expand=True, fillcolor=background)


def line_height(grey: Image.Image) -> float | None:
    """The median height of the image's lines of text in pixels: runs of rows with ink between rows
    without; None when no line is seen."""
    ink = ink_of(grey)
    # The middle of each row: a photo's paper edges at the sides would ink every row.
    margin = grey.width // 10
    row_ink = ink[:, margin : grey.width - margin].mean(axis=1)
    blank, full = float(np.percentile(row_ink, 20)), float(np.percentile(row_ink, 95))
    inked = row_ink > max(0.004, blank + (full - blank) * 0.12)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], inked.astype(np.int8), [0]])))
    heights = edges[1::2] - edges[0::2]
    # A rule, a logo or a picture is not a line of text.
    heights = heights[(heights >= 4) & (heights <= grey.height / 6)]
    return float(np.median(heights)) if heights.size else None


def scaled_to_text(grey: Image.Image) -> Image.Image:
    """The image scaled so its lines are about TEXT_LINE_HEIGHT pixels tall."""
    height = line_height(grey)
    if height is None:
        return grey
    scale = min(LARGEST_SCALE, max(SMALLEST_SCALE, TEXT_LINE_HEIGHT / height))
    scale = min(scale, (MOST_PIXELS_READ / (grey.width * grey.height)) ** 0.5)
    if 0.9 < scale < 1.1:
        return grey
    size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
    return grey.resize(size, Image.Resampling.LANCZOS)


def light_behind_text(grey: Image.Image) -> Image.Image:
    """White text on a dark band (an app's coloured header, a button, a dark-mode screen) turned to dark
    text on light, as Tesseract reads best: each row whose middle grey is dark is inverted."""
    pixels = np.asarray(grey)
    dark_rows = np.median(pixels, axis=1) < otsu_threshold(pixels)
    if not dark_rows.any():
        return grey
    flipped = pixels.copy()
    flipped[dark_rows] = 255 - flipped[dark_rows]
    return Image.fromarray(flipped)
