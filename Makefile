# Taizhang (台账). `make run` shows the parser on the demo plans; `make test` is what CI runs.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CODE := src tests benchmarks

.PHONY: install run test lint format bench clean

install: $(STAMP)

# Reinstall only when the project's dependencies change; the package itself is editable.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	@for plan in demo/*.txt; do \
		summary=$$($(VENV)/bin/taizhang parse "$$plan" --check | tail -n 1) || exit 1; \
		echo "$$(basename "$$plan" .txt): $$summary"; \
	done

lint: install
	$(VENV)/bin/ruff check $(CODE)
	$(VENV)/bin/ruff format --check $(CODE)

format: install
	$(VENV)/bin/ruff format $(CODE)

test: lint
	$(VENV)/bin/pytest

bench: install
	$(PY) benchmarks/bench_parse.py

clean:
	rm -rf build dist .pytest_cache .hypothesis .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
