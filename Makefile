# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIAO := $(BIN)/piao
EXAMPLE := plans/comune-di-esempio/2026-2028
SMALL := plans/piccolo-comune/2026-2028

.PHONY: demo test test-deps fuzz golden lint typecheck unit schemas docs reference-docx bench install install-dev system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

system-deps:
	bash scripts/system-deps.sh

# Browser tests: Debian's Chromium and axe-core from npm (package-lock.json).
test-deps: system-deps
	bash scripts/system-deps.sh --test
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

## demo: install piao and check the bundled example plans
demo: install system-deps
	@echo "== piao check $(EXAMPLE)"
	@$(PIAO) check $(EXAMPLE)
	@echo
	@echo "== piao check $(SMALL)"
	@$(PIAO) check $(SMALL)
	@echo
	@echo "== piao audit (rapporto e griglia di rilevazione per OIV / Nucleo di valutazione) in out/audit/"
	@$(PIAO) audit $(EXAMPLE) $(SMALL) --griglia --out out/audit
	@echo
	@echo "== piao render (documento ufficiale PDF/A, DOCX, HTML) in out/"
	@$(PIAO) render $(EXAMPLE) --out out
	@$(PIAO) render $(SMALL) --out out
	@echo
	@echo "== piao publish (pagina per Amministrazione trasparente e dati aperti) in out/sito/"
	@$(PIAO) publish $(EXAMPLE) --out out/sito | tail -1
	@echo
	@echo "Per usare piao: $(PIAO) --help (oppure: source $(VENV)/bin/activate, poi piao --help)."
	@echo "Guida per gli uffici: docs/guida/README.md"

## test: install the dev tools and run ruff, mypy --strict and pytest
test: install-dev test-deps lint typecheck unit

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

# Two workers: the machines have 2 cores (each worker has its own temporary folders).
unit:
	$(BIN)/pytest -n 2

## schemas: regenerate the JSON Schemas of the plan files (committed)
schemas: install
	$(PIAO) schema --out schemas

## fuzz: 10,000 mutated plans through piao check, 80 through every command, 20 through publish and the PDF (make test: 500, 4, 1)
fuzz: install-dev system-deps
	rm -f .fuzz-count
	FUZZ_EXAMPLES=10000 FUZZ_COUNTER=.fuzz-count $(BIN)/pytest -n 2 tests/fuzz -p no:cacheprovider
	@echo "casi eseguiti: $$(wc -l < .fuzz-count)"

## golden: rewrite the text goldens of the document after an intended change (then review the diff)
golden: install-dev
	PIAO_REFRESH_GOLDEN=1 $(BIN)/pytest -q tests/render/test_view_golden.py tests/periodi/test_esito_golden.py

## bench: speed as ratios to baselines measured in the same run (not part of the tests)
bench: install-dev system-deps
	$(BIN)/python bench/run.py

## reference-docx: rebuild the Word styles of the PIAO document (committed)
reference-docx: install
	$(BIN)/python scripts/make_reference_docx.py templates/reference.docx

## docs: regenerate docs/regole.md from the rule registry (committed)
docs: install
	$(PIAO) rules --format markdown > docs/regole.md

clean:
	rm -rf $(VENV) dist build out .mypy_cache .ruff_cache .pytest_cache
