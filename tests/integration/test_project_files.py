"""The guide's commands run by the wrong user: one line with the fix, never a traceback, nothing made.

The guide makes .env and data/ the bot's user's (chmod 600, 700). A login user cannot read them, and
`sudo` can, but what root makes in data/ the bot then cannot open. These run the installed command as
such a user: a user who is not the owner is this one with its file taken away (chmod 000), or, for
root, root without the capabilities that let it read anyone's files (setpriv), so the kernel refuses
as it refuses a login user.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infrastructure.project_files import FilesUnusable, check_writable, read_dotenv, typed_command

BIN = Path(sys.executable).parent
ROOT = os.geteuid() == 0
THE_BOTS_UID = 10001  # the container's user; any uid that is not this test's


def as_another_user() -> list[str]:
    """The prefix that runs a command without the right to read other users' files."""
    if not ROOT:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: no way to run as a user the kernel refuses")
    return [
        setpriv,
        "--securebits=+noroot,+noroot_locked,+no_setuid_fixup",
        "--bounding-set=-all",
        "--inh-caps=-all",
    ]


def give_to_the_bot(path: Path, mode: int) -> None:
    """The file or folder as step 1 of the guide leaves it: the bot's, closed to others."""
    if ROOT:
        os.chown(path, THE_BOTS_UID, THE_BOTS_UID)
        path.chmod(mode)
    else:
        path.chmod(0)  # this user keeps no right to it, as a login user has none to the bot's


def balance_bot(folder: Path, *arguments: str, prefix: list[str] | None = None, **env: str):
    return subprocess.run(
        [*(prefix or []), str(BIN / "balance-bot"), *arguments],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=folder,
        env={"PATH": str(BIN), "PARSER_LLM": "none", **env},
    )


@pytest.fixture
def project(tmp_path):
    """A project folder as the guide's step 1 leaves it, before the bot's user owns anything."""
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=123456:AAEfakeBotTokenForTheFakeTelegram01\n")
    (tmp_path / "data").mkdir()
    yield tmp_path
    for path in (tmp_path / ".env", tmp_path / "data"):
        path.chmod(0o700)  # so pytest can remove it


@pytest.mark.parametrize("command", ["check", "status", "run", "try", "parse", "health"])
def test_a_user_who_cannot_read_env_is_told_so_in_one_line_with_the_fix(project, command):
    dotenv = project / ".env"
    give_to_the_bot(dotenv, 0o600)
    done = balance_bot(project, command, prefix=as_another_user())
    said = (done.stdout + done.stderr).splitlines()
    assert len(said) == 1, said
    [line] = said
    assert f"cannot read {dotenv} (" in line
    fix = f"sudo -u '#{THE_BOTS_UID}' {BIN / 'balance-bot'} {command}" if ROOT else f"chmod 600 {dotenv}"
    assert line.endswith(fix)
    assert done.returncode == (1 if command == "check" else 3)
    assert line.startswith("FAIL  Files: " if command == "check" else "balance-bot: ")
    assert not list((project / "data").iterdir())


@pytest.mark.skipif(not ROOT, reason="only root can run a command in a folder another user owns")
@pytest.mark.parametrize("command", ["check", "status", "run", "try"])
def test_sudo_in_the_bots_folder_is_refused_before_it_makes_a_file_the_bot_cannot_open(project, command):
    data = project / "data"
    give_to_the_bot(data, 0o700)
    done = balance_bot(project, command, TELEGRAM_API_URL="http://127.0.0.1:9")
    said = (done.stdout + done.stderr).splitlines()
    assert said == [
        ("FAIL  Files: " if command == "check" else "balance-bot: ")
        + f"{data} belongs to uid {THE_BOTS_UID}, the bot's user, and what this command would make there "
        f"as root the bot could not open: run the command as the bot's user: sudo -u '#{THE_BOTS_UID}' "
        f"{BIN / 'balance-bot'} {command}"
    ]
    assert not list(data.iterdir())


def test_a_database_another_user_made_in_the_bots_folder_is_named_with_the_chown_that_mends_it(project):
    database = project / "data" / "balance_bot.sqlite3"
    database.write_bytes(b"")
    give_to_the_bot(database, 0o600)
    done = balance_bot(project, "run", prefix=as_another_user(), TELEGRAM_API_URL="http://127.0.0.1:9")
    [line] = done.stderr.splitlines()
    assert done.returncode == 3
    assert line.startswith(f"balance-bot: cannot write {database} (")
    assert f"sudo chown -R {typed_owner(project / 'data')}: {project / 'data'}" in line


def typed_owner(path: Path) -> str:
    import pwd

    return pwd.getpwuid(path.stat().st_uid).pw_name


def test_a_data_folder_this_user_may_not_write_names_the_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root, whom no mode stops: what a login user is told is checked in CI
            return
        with pytest.raises(FilesUnusable, match=f"cannot write {folder} \\(owned by .*, mode 500\\)"):
            check_writable([folder / "try" / "balance_bot.sqlite3"], ["balance-bot", "try"])
    finally:
        folder.chmod(0o700)


def test_root_is_sent_to_the_folders_owner_and_the_bots_user_may_go_on(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    owner = folder.stat().st_uid
    check_writable([folder / "balance_bot.sqlite3"], euid=owner)  # the owner: nothing to say
    if owner != 0:
        with pytest.raises(FilesUnusable, match="the bot could not open: run the command as the bot's user"):
            check_writable([folder / "balance_bot.sqlite3"], [".venv/bin/balance-bot", "check"], euid=0)


def test_a_missing_env_file_is_no_settings_and_no_error(tmp_path):
    assert read_dotenv(tmp_path / ".env") == {}


def test_the_fix_repeats_the_command_as_it_was_typed():
    assert (
        typed_command([".venv/bin/balance-bot", "run", "--webhook"]) == ".venv/bin/balance-bot run --webhook"
    )
    assert typed_command(["/usr/lib/python3/site-packages/balance_bot/__main__.py", "check"]) == (
        "balance-bot check"
    )
