"""The project's files a command uses (.env to read, the bot's data folder to write), and one line
saying what to do when this user cannot use them, never a traceback."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from dotenv import dotenv_values

# The checkout the bot runs from (installed in place, as the Makefile and the Docker image do).
_CHECKOUT = Path(__file__).resolve().parents[2]
ROOT_UID = 0


class FilesUnusable(Exception):
    """This user cannot read .env or write the bot's files: the message names the file and the fix."""


def project_folder(start: Path | None = None, checkout: Path = _CHECKOUT) -> Path:
    """Where .env and relative paths are read from, wherever a command is run.

    The nearest folder holding a .env, from the current one up; else the checkout the bot is
    installed from; else the current folder.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".env").is_file():
            return folder
    return checkout if (checkout / "pyproject.toml").is_file() else here


def read_dotenv(path: Path, argv: Sequence[str] | None = None) -> dict[str, str]:
    """The settings in a .env file (none if there is no file); FilesUnusable if it cannot be read."""
    try:
        values = dotenv_values(path)
    except OSError as exc:
        raise FilesUnusable(
            f"cannot read {path} ({owner_and_mode(path)}): {_fix(path, argv, 'chmod 600')}"
        ) from exc
    return {name: value for name, value in values.items() if value is not None}


def check_writable(files: Iterable[Path], argv: Sequence[str] | None = None, euid: int | None = None) -> None:
    """FilesUnusable unless this user may write each file and the folder holding it.

    Root may write anything, but a database or a lock it creates in the bot's folder belongs to
    root, and the bot running as its own user then cannot open it: root is sent to that user too.
    """
    euid = os.geteuid() if euid is None else euid
    for file in files:
        folder = _nearest_existing(file.parent)
        if not folder.is_dir():
            continue  # a file where the folder should be: opening it says so, naming the setting
        owner = folder.stat().st_uid
        if euid == ROOT_UID and owner != ROOT_UID:
            raise FilesUnusable(
                f"{folder} belongs to {_name(owner)}, the bot's user, and what this command would make "
                f"there as root the bot could not open: {_run_as(owner, argv)}"
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise FilesUnusable(
                f"cannot write {folder} ({owner_and_mode(folder)}): {_fix(folder, argv, 'chmod u+rwx')}"
            )
        for made in _made_beside(file):
            if made.exists() and not os.access(made, os.R_OK | os.W_OK):
                raise FilesUnusable(
                    f"cannot write {made} ({owner_and_mode(made)}), made by another user (a command run "
                    f"with sudo?): give it back to the bot's user with `sudo chown -R {_name(owner)}: "
                    f"{folder}`"
                )


def owner_and_mode(path: Path) -> str:
    """'owned by balance, mode 600', for a line about a file this user cannot use."""
    try:
        status = path.stat()
    except OSError as exc:
        return exc.strerror or str(exc)
    return f"owned by {_name(status.st_uid)}, mode {status.st_mode & 0o777:o}"


def typed_command(argv: Sequence[str] | None = None) -> str:
    """The command as the operator typed it (`.venv/bin/balance-bot check`), to repeat in a fix."""
    argv = sys.argv if argv is None else argv
    program = argv[0] if argv and Path(argv[0]).name == "balance-bot" else "balance-bot"
    return shlex.join([program, *argv[1:]])


def _fix(path: Path, argv: Sequence[str] | None, own_fix: str) -> str:
    try:
        owner = path.stat().st_uid
    except OSError:
        return "run the command as the bot's user"
    if owner == os.geteuid():
        return f"let yourself use it: {own_fix} {path}"
    return _run_as(owner, argv)


def _run_as(owner: int, argv: Sequence[str] | None) -> str:
    return f"run the command as the bot's user: sudo -u {_name(owner, for_sudo=True)} {typed_command(argv)}"


def _made_beside(file: Path) -> list[Path]:
    """The file and what the bot makes beside it (SQLite's journal, the lock, the started mark)."""
    return [file, *(file.with_name(file.name + suffix) for suffix in ("-wal", "-shm", ".lock", ".started"))]


def _nearest_existing(folder: Path) -> Path:
    """The folder, or the nearest one above it that exists, as far as this user can see."""
    for candidate in (folder, *folder.parents):
        try:
            candidate.stat()
        except OSError:  # absent, or hidden in a folder this user may not enter: look above
            continue
        return candidate
    return folder


def _name(uid: int, *, for_sudo: bool = False) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"'#{uid}'" if for_sudo else f"uid {uid}"
