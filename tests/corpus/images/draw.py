"""Draws the image set: transfer screenshots and shop receipts, each clean and as a degraded photo.

The layouts follow what the Cambodian apps and shops show (a bank app's "transfer successful" screen, a
narrow till receipt); every name, number and ID is made up. Deterministic with its seed, so drawing again
gives the same files; writes the images and expected.jsonl beside this file:

    .venv/bin/python -m tests.corpus.images.draw   (from the project folder)

Needs DejaVu and Khmer OS fonts (Debian: fonts-dejavu-core, fonts-khmeros); the tests read the committed
images and need neither.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from tests.corpus.images.draw_photo import bad_images, degrade, jpeg, png
from tests.corpus.images.draw_receipts import draw_receipt, receipts
from tests.corpus.images.draw_screens import BANK_STYLE, draw_transfer, transfers

HERE = Path(__file__).resolve().parent
SEED = 45


def draw_set() -> list[dict[str, object]]:
    """Every image written beside this file; the expected.jsonl lines."""
    rng = random.Random(SEED)
    expected: list[dict[str, object]] = []

    def write(name: str, data: bytes, fields: dict[str, object]) -> None:
        (HERE / name).write_bytes(data)
        expected.append({"file": name, **fields})

    for number, t in enumerate(transfers(rng), start=1):
        clean = draw_transfer(t, rng)
        y, m, d = t.day
        fields: dict[str, object] = {
            "kind": "transfer",
            "amount": str(t.amount if t.currency == "KHR" else t.amount.quantize(Decimal("0.01"))),
            "currency": t.currency,
            "transaction_id": t.transaction_id,
            "bank": t.bank,
            "purpose": t.note or t.recipient,
            "recipient": t.recipient,
            "note": t.note,
            "date": f"{y}-{m:02d}-{d:02d}",
            "time": f"{t.clock[0]:02d}:{t.clock[1]:02d}",
            "language": t.language,
            "source": f"drawn by draw.py, layout after {BANK_STYLE[t.bank][2]}'s "
            f"{'KHQR payment' if t.merchant else 'transfer'} success screen",
        }
        base = f"transfer-{number:02d}-{t.bank.lower().replace(' ', '')}-{t.language}-{t.currency.lower()}"
        write(f"{base}.png", png(clean.quantize(64)), {**fields, "degraded": False})
        write(
            f"{base}-photo.jpg", jpeg(degrade(clean, rng), rng.randint(55, 72)), {**fields, "degraded": True}
        )
    for number, r in enumerate(receipts(rng), start=1):
        clean, amount, currency = draw_receipt(r)
        y, m, d = r.day
        fields = {
            "kind": "receipt",
            "amount": str(amount),
            "currency": currency,
            "transaction_id": None,
            "bank": None,
            "purpose": r.shop,
            "date": f"{y}-{m:02d}-{d:02d}",
            "time": f"{r.clock[0]:02d}:{r.clock[1]:02d}",
            "language": r.language,
            "total_label": r.total_label,
            "items": len(r.items),
            "dual_currency": bool(r.rate),
            "source": "drawn by draw.py, layout after an 80 mm thermal till receipt",
        }
        base = f"receipt-{number:02d}-{r.language}-{currency.lower()}" + (
            "-long" if len(r.items) > 20 else ""
        )
        write(f"{base}.png", png(clean), {**fields, "degraded": False})
        write(
            f"{base}-photo.jpg", jpeg(degrade(clean, rng), rng.randint(55, 72)), {**fields, "degraded": True}
        )
    for name, data, what in bad_images(rng):
        write(
            name,
            data,
            {
                "kind": "none",
                "amount": None,
                "currency": None,
                "transaction_id": None,
                "bank": None,
                "purpose": None,
                "date": None,
                "time": None,
                "degraded": False,
                "language": None,
                "source": f"drawn by draw.py: {what}",
            },
        )
    (HERE / "expected.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in expected), encoding="utf-8"
    )
    return expected


if __name__ == "__main__":
    drawn = draw_set()
    print(f"{len(drawn)} files drawn in {HERE}")
