"""Many regex branches as one pattern a search skips through fast where none of them can start."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SPECIAL = frozenset("\\[](){}.*+?^$|")


def any_of(*branches: str) -> re.Pattern[str]:
    """One regex of the branches, for telling whether any matches. The engine tries every top-level
    branch at every position of the text, so: those opening on a word's edge go under a single \\b,
    those whose first characters can be told under a lookahead of those characters (most Khmer
    words), and the rest as they are. Branches order nothing here: only whether one matches counts;
    the pattern is case-sensitive, the branches written for lower-case text."""
    edged = [branch.removeprefix(r"\b") for branch in branches if branch.startswith(r"\b")]
    edged_led, edged_others = _by_first_characters(edged)
    led, others = _by_first_characters([branch for branch in branches if not branch.startswith(r"\b")])
    parts = [rf"\b{edged_led}"] * bool(edged_led) + [rf"\b(?:{'|'.join(edged_others)})"] * bool(edged_others)
    return re.compile("|".join(parts + [led] * bool(led) + others) or "(?!)")


def _by_first_characters(branches: list[str]) -> tuple[str, list[str]]:
    """Those of the branches whose first characters can be told, as one group behind a lookahead of
    those characters (or ''), and the others."""
    starts = [_first_characters(branch) for branch in branches]
    led = [branch for branch, first in zip(branches, starts, strict=True) if first]
    others = [branch for branch, first in zip(branches, starts, strict=True) if not first]
    if not led:
        return "", others
    first = sorted(set().union(*(start for start in starts if start)))
    return f"(?=[{''.join(re.escape(char) for char in first)}])(?:{'|'.join(led)})", others


def _first_characters(pattern: str) -> set[str] | None:
    """The characters a match of the pattern starts with, or None when this simple reading cannot
    tell (an anchor, a class, an escape, an optional first character)."""
    first: set[str] = set()
    for alternative in _top_level_alternatives(pattern):
        while alternative.startswith("(?<"):  # a lookbehind: the match starts after it
            alternative = alternative[_group_end(alternative) + 1 :]
        if alternative.startswith("(?:"):
            end = _group_end(alternative)
            optional = alternative[end + 1 : end + 2] in ("?", "*", "{")
            inner = None if optional else _first_characters(alternative[3:end])
            if not inner:
                return None
            first |= inner
        elif alternative[:1] and alternative[0] not in _SPECIAL and alternative[1:2] not in ("?", "*", "{"):
            first.add(alternative[0])
        else:
            return None
    return first


def _top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split on the | that are outside groups and classes."""
    cuts = [at for at, char, depth in _structure(pattern) if char == "|" and depth == 0]
    return [pattern[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _group_end(pattern: str) -> int:
    """Where the group opening the pattern closes."""
    return next((at for at, char, depth in _structure(pattern) if char == ")" and depth == 0), len(pattern))


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of the pattern outside escapes and classes, with its place and the depth of
    groups it is in (a bracket counted as outside the group it opens or closes)."""
    depth, at, in_class = 0, 0, False
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth -= char == ")"
            yield at, char, depth
            depth += char == "("
        at += 1
