"""Slips of a finger in a word: a letter added, dropped or changed, one of a double letter left out, a
Khmer sign over a consonant slipped; each tells whether two spellings may be one word."""

from __future__ import annotations

# The marks over a consonant members drop most (៉ ៊ ់ ៍ ៌ ៎ ៏ ័ ំ ះ): never a consonant or a vowel.
KHMER_SIGNS = frozenset("\u17c6\u17c7\u17c9\u17ca\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0")


def one_sign_off(one: str, other: str) -> bool:
    """Whether one Khmer sign left out, added or changed turns one word into the other (ម៉ាសូត, ម៉ាស៊ូត)."""
    if len(one) == len(other):
        differ = [at for at, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
        return len(differ) == 1 and one[differ[0]] in KHMER_SIGNS and other[differ[0]] in KHMER_SIGNS
    shorter, longer = (one, other) if len(one) < len(other) else (other, one)
    return len(longer) == len(shorter) + 1 and any(
        longer[at] in KHMER_SIGNS and longer[:at] + longer[at + 1 :] == shorter for at in range(len(longer))
    )


def one_letter_off(one: str, other: str) -> bool:
    """Whether one letter added, dropped or changed turns one word into the other."""
    if one == other or abs(len(one) - len(other)) > 1:
        return one == other
    if len(one) == len(other):
        return sum(a != b for a, b in zip(one, other, strict=True)) == 1
    shorter, longer = (one, other) if len(one) < len(other) else (other, one)
    return any(longer[:at] + longer[at + 1 :] == shorter for at in range(len(longer)))


def doubled_letter_dropped(held: str, wanted: str) -> bool:
    """Whether the held word is the wanted one (or its plural) with one of a double letter left
    out: a slip even short words make ('egs', 'cofee')."""
    for word in (wanted, wanted + "s"):
        if len(word) == len(held) + 1 and len(held) >= 3:
            for at in range(1, len(word)):
                if word[at] == word[at - 1] and word[:at] + word[at + 1 :] == held:
                    return True
    return False
