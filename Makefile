# Set-up and everyday commands; each target builds the virtual environment it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run parse-example test bench score clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: a group chat in the terminal on the real capture flow and the local workbook (balance-bot try)
run: $(STAMP)
	$(BIN)/balance-bot try

## parse-example: parse a few example messages the way the bot reads them
parse-example: $(STAMP)
	printf '%s\n' '{"id": 1, "text": "coffee 3$$"}' '{"id": 2, "text": "ទឹកកក ៥០០០៛"}' \
	  '{"id": 3, "text": "Market today:\n- fish 20000៛\n- oil 2$$"}' '{"id": 4, "text": "see you at 8:30"}' \
	  | $(BIN)/balance-bot parse

## test: lint, type-check, check the import direction, run the tests
test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

## bench: print every figure the issues ask for
bench: $(STAMP)
	$(BIN)/python -m bench

## score: score the parser on the shared dev corpus
score: $(STAMP)
	$(BIN)/python ../shared/tools/score_parser.py ../shared/corpus/expenses-dev.jsonl -- $(BIN)/balance-bot parse

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
