"""A thread's name in the operating system (top, /proc), so that its CPU can be told apart."""

from __future__ import annotations

import ctypes
import sys
import threading

_PR_SET_NAME = 15  # prctl(2): the calling thread's name, at most 15 bytes
_NAME_BYTES = 15


def name_this_thread() -> None:
    """Give the calling thread its Python name in the OS (Linux); elsewhere, or if refused, nothing.

    Python 3.11 leaves every thread named as the process, so the bench could not say which of the
    bot's threads spend its CPU: Sheets calls, SQLite or the event loop.
    """
    if not sys.platform.startswith("linux"):
        return
    name = threading.current_thread().name.encode("utf-8", "replace")[:_NAME_BYTES]
    try:
        ctypes.CDLL(None).prctl(_PR_SET_NAME, ctypes.c_char_p(name), 0, 0, 0)
    except (OSError, AttributeError):  # no libc to load, or one without prctl: the name is only for people
        return
