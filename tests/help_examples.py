"""The examples /help shows, read out of its own text, so that a new example is tried as it is added."""

from __future__ import annotations

import re

from infrastructure.telegram.replies import Replies

# A command and its words up to , ; : ( ) a sentence's end (Khmer's too: ៖ ។), another command, or "or".
_COMMAND = re.compile(r"(?<![\w/])/[a-z]+(?:[ ](?!or |ឬ )(?![ /])[^ ,;:()\n៖។]+)*")
_QUOTED = re.compile(r"“([^”/]+)”")
_DIGIT = re.compile(r"[0-9០-៩]")
# What an example stands for, where a real one is needed: a member seen in the group, a sheet's link.
PLACEHOLDERS = {"@member": "@Dara", "@sokha": "@Sokha"}


def command_examples(text: str, placeholders: dict[str, str] = PLACEHOLDERS) -> list[str]:
    """Each command as the text shows it, with its words; the placeholders made real."""
    found = []
    for match in _COMMAND.finditer(text):
        example = match.group(0).rstrip(".")
        for placeholder, real in placeholders.items():
            example = example.replace(placeholder, real)
        found.append(example)
    return found


def message_examples(text: str) -> list[str]:
    """The messages the text shows: a bullet's (after its last colon, one per comma) or a quoted one,
    when it has an amount."""
    found = []
    for line in text.splitlines():
        if line.startswith("• ") and not line.startswith("• /"):
            found += [piece.strip() for piece in re.split(r"[:៖] ", line[2:])[-1].split(", ")]
    found += _QUOTED.findall(text)
    return [example for example in found if _DIGIT.search(example)]


def help_examples(
    replies: Replies, placeholders: dict[str, str] = PLACEHOLDERS
) -> tuple[list[str], list[str]]:
    """The messages and the commands of /help and of the command menu, in that chat's words."""
    text = "\n".join([replies.help(), *(about for _, about in replies.commands())])
    commands = list(dict.fromkeys(command_examples(text, placeholders)))
    return list(dict.fromkeys(message_examples(text))), commands
