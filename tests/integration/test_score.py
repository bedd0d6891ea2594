"""`make score` in a clone: the project's corpus by its own scorer; the shared one only when it is there."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bench.score import judge

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_score_in_a_clone_without_the_shared_corpus_scores_the_projects_own(tmp_path):
    absent = tmp_path / "shared" / "corpus" / "expenses-dev.jsonl"
    done = subprocess.run(
        # -o: the virtual environment this test runs in is taken as installed, never made again.
        ["make", "-s", "-o", ".venv/.installed-runtime", "score", f"SHARED_CORPUS={absent}", f"BIN={BIN}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    own = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "corpus").glob("*.jsonl"))
    assert [line.split()[0] for line in lines[:-1]] == own
    assert all(" correct " in line for line in lines[:-1])
    assert lines[-1] == f"{absent}: not beside this checkout, not scored"


def test_the_makefile_reads_nothing_outside_the_project_unless_it_is_there():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "shared/tools" not in makefile
    assert "$(wildcard $(SHARED_CORPUS))" in makefile


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        (
            {"status": "expense", "entries": [{"amount": "3.00", "currency": "USD", "purpose": "coffee"}]},
            "correct",
        ),
        (
            {"status": "expense", "entries": [{"amount": "3.00", "currency": "KHR", "purpose": "coffee"}]},
            "wrong_saved",
        ),
        (
            {"status": "expense", "entries": [{"amount": "3", "currency": "USD", "purpose": "coffee 3$"}]},
            "wrong_saved",
        ),
        ({"status": "ignore", "entries": []}, "missed"),
        ({"status": "unclear", "entries": []}, "asked"),
    ],
)
def test_the_scorer_judges_an_answer_as_the_shared_one_does(answer, verdict):
    case = {
        "id": 1,
        "text": "coffee 3$",
        "expect": ["expense"],
        "entries": [{"amount": "3", "currency": "USD", "keys": ["coffee"]}],
    }
    assert judge(case, answer)[0] == verdict
