# Set-up and everyday commands; each target builds the virtual environment it needs.
# Packages come from the lock files in requirements/ (exact versions and hashes): `make lock`
# refreshes them after a change to the dependencies in pyproject.toml.

# The newest Python 3.11+ on the machine; `make PYTHON=/path/to/python3.12 ...` chooses another.
PYTHON ?= $(shell for candidate in python3.13 python3.12 python3.11 python3; do \
	command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && { echo $$candidate; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
LOCK_TOOL := .venv-lock
UV_VERSION := 0.13.9

.PHONY: install run parse-example test test-dates bench score lock catalogs clean

# A venv whose python does not start (a half-made one, after a failed first try) is made again.
$(BIN)/python:
	@test -n "$(PYTHON)" && $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "balance-bot needs Python 3.11 or newer, and this machine has none (or PYTHON names an older one)."; \
	  echo "On Ubuntu 22.04: sudo add-apt-repository ppa:deadsnakes/ppa && sudo apt-get install -y python3.11 python3.11-venv"; \
	  echo "then run make again (or: make PYTHON=python3.11 ...)."; exit 1; }
	@$(BIN)/python -c '' 2>/dev/null || rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not make a virtual environment: install the venv module (Debian/Ubuntu: sudo apt-get install -y python3-venv, or python3.11-venv), then run make again."; \
	  exit 1; }

$(RUNTIME): requirements/lock.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(RUNTIME)

$(DEV): requirements/dev-lock.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev-lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(DEV) $(RUNTIME)

## install: the bot alone, for a server (no test tools): .venv/bin/balance-bot
install: $(RUNTIME)

## run: a group chat in the terminal on the bot's use cases and its own workbook (balance-bot try);
## no paid model unless PAID=1 (balance-bot try --paid)
run: $(RUNTIME)
	$(BIN)/balance-bot try $(if $(PAID),--paid)

## parse-example: parse a few example messages the way the bot reads them
parse-example: $(RUNTIME)
	printf '%s\n' '{"id": 1, "text": "coffee 3$$"}' '{"id": 2, "text": "ទឹកកក ៥០០០៛"}' \
	  '{"id": 3, "text": "Market today:\n- fish 20000៛\n- oil 2$$"}' '{"id": 4, "text": "see you at 8:30"}' \
	  | $(BIN)/balance-bot parse

## catalogs: after changing a text in texts.py: extract the messages, update each language's .po
## (a changed text comes out untranslated until a translator fills it in), compile the .mo files.
## Texts a translator was unsure of stay marked fuzzy for review, and are used meanwhile.
catalogs: $(RUNTIME)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k Nn_:1,2 --no-location --sort-output \
	  --project=balance-bot --copyright-holder=balance-bot -o locale/balance_bot.pot .
	$(BIN)/pybabel update -D balance_bot -i locale/balance_bot.pot -d locale --no-fuzzy-matching \
	  --ignore-obsolete --width=100
	$(BIN)/pybabel compile -D balance_bot -d locale --use-fuzzy --statistics

# Debian's Chromium, for the Mini App's browser tests (Playwright drives it: nothing is downloaded).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "The Mini App's browser tests need Chromium at $(CHROMIUM) (Debian: apt-get install chromium)."; exit 1; }
	$(SUDO) apt-get install -y --no-install-recommends chromium || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium; }

# A Khmer font, so the Mini App's screenshots show Khmer as a phone does, not as boxes.
KHMER_FONT := /usr/share/fonts/truetype/khmeros/KhmerOS.ttf
$(KHMER_FONT):
	@command -v apt-get >/dev/null || { echo "No Khmer font: the Mini App's screenshots will show Khmer as boxes (Debian: apt-get install fonts-khmeros)."; exit 0; }
	$(SUDO) apt-get install -y --no-install-recommends fonts-khmeros || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends fonts-khmeros; } || \
	  echo "No Khmer font: the Mini App's screenshots will show Khmer as boxes."

# Tesseract 5 with its English and Khmer models, for reading receipts and transfer screenshots on
# this machine (infrastructure/ocr); the tests read the project's image set with it.
TESSERACT := /usr/bin/tesseract
TESSDATA_KHMER := /usr/share/tesseract-ocr/5/tessdata/khm.traineddata
$(TESSERACT) $(TESSDATA_KHMER):
	@command -v apt-get >/dev/null || { echo "Reading receipts needs Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-khm)."; exit 1; }
	$(SUDO) apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-khm || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-khm; }

## test: lint, type-check, check the import direction, run the tests (a browser's too)
test: $(DEV) $(CHROMIUM) $(KHMER_FONT) $(TESSERACT) $(TESSDATA_KHMER)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

# libfaketime, which shifts every process's clock alike for the runs of test-dates, and runs the bot's
# clock faster for the bench's working day of 1,000 groups (bench/thousand.py).
FAKETIME_LIB := /usr/lib/$(shell uname -m)-linux-gnu/faketime/libfaketimeMT.so.1
$(FAKETIME_LIB):
	@command -v apt-get >/dev/null || { echo "test-dates and the bench need libfaketime (Debian: apt-get install libfaketime)."; exit 1; }
	$(SUDO) apt-get install -y --no-install-recommends libfaketime || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends libfaketime; }

## test-dates: the tests again on the days dates break (New Year and month ends in Phnom Penh, a leap
## day, a Sunday night), every process's clock shifted by libfaketime; pytest arguments in ARGS
test-dates: $(DEV) $(CHROMIUM) $(KHMER_FONT) $(TESSERACT) $(TESSDATA_KHMER) $(FAKETIME_LIB)
	$(BIN)/python -m tests.other_days $(ARGS)

## bench: print every figure the issues ask for
bench: $(DEV) $(TESSERACT) $(TESSDATA_KHMER) $(FAKETIME_LIB)
	$(BIN)/python -m bench

# The shared labelled corpus, scored too when the checkout sits beside it.
SHARED_CORPUS ?= ../shared/corpus/expenses-dev.jsonl

## score: score the parser on the project's labelled corpus (tests/corpus/), one line each, and on the
## shared dev corpus when it is beside the checkout (SHARED_CORPUS=... names another)
score: $(RUNTIME)
	@for corpus in tests/corpus/*.jsonl $(wildcard $(SHARED_CORPUS)); do printf '%-36s ' "$$corpus"; \
	  $(BIN)/python bench/score.py "$$corpus" --quiet -- $(BIN)/balance-bot parse || exit 1; done
	@test -f "$(SHARED_CORPUS)" || echo "$(SHARED_CORPUS): not beside this checkout, not scored"

## lock: refresh requirements/*.txt from pyproject.toml (exact versions and hashes), with uv
lock:
	test -x $(LOCK_TOOL)/bin/uv || { $(PYTHON) -m venv $(LOCK_TOOL) && $(LOCK_TOOL)/bin/python -m pip install --quiet uv==$(UV_VERSION); }
	$(LOCK_TOOL)/bin/uv pip compile pyproject.toml requirements/build.in --universal --python-version 3.11 \
	  --generate-hashes --no-header --quiet --upgrade -o requirements/lock.txt
	$(LOCK_TOOL)/bin/uv pip compile pyproject.toml requirements/build.in --extra dev --universal \
	  --python-version 3.11 --generate-hashes --no-header --quiet --upgrade -o requirements/dev-lock.txt

clean:
	rm -rf $(VENV) $(LOCK_TOOL) .mypy_cache .pytest_cache .ruff_cache .hypothesis
