# Taizhang (台账). `make run` serves the demo on http://127.0.0.1:8000; `make test` is what CI runs.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CODE := src tests benchmarks scripts

.PHONY: install run serve test test-sqlite test-postgres system-packages lint format bench clean

install: $(STAMP)

# Reinstall only when the project's dependencies change; the package itself is editable.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

PORT ?= 8000
GUNICORN := $(VENV)/bin/gunicorn -c src/taizhang/config/gunicorn_conf.py
# The processes `make run` starts side by side (scripts/supervise.py stops them together):
# one NAME=COMMAND each.
# The task worker runs background work (notifications, large imports, PDFs, exports); the
# scheduler runs the reminder scan and the retries (docs/background.md).
BACKGROUND := 'worker=$(PY) manage.py db_worker --queue-name default' 'scheduler=$(PY) manage.py run_scheduler'
RUN_PROCESSES := 'web=$(GUNICORN) --bind 127.0.0.1:$(PORT)' $(BACKGROUND)

# Migrate the embedded SQLite database (var/), load both seed plans and the demo accounts,
# print the demo logins and serve through gunicorn.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "台账 is serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(PY) scripts/supervise.py $(RUN_PROCESSES)

# The production server: TAIZHANG_ENV=production against DATABASE_URL (docs/deploy.md lists
# the variables); binds TAIZHANG_BIND (default 127.0.0.1:8000) for nginx in front.
serve: install
	@test -n "$$DATABASE_URL" || { echo "make serve needs DATABASE_URL (see docs/deploy.md)" >&2; exit 2; }
	TAIZHANG_ENV=production $(PY) manage.py check --deploy --fail-level WARNING
	TAIZHANG_ENV=production $(PY) manage.py migrate --noinput
	TAIZHANG_ENV=production $(PY) manage.py collectstatic --noinput -v0
	TAIZHANG_ENV=production $(PY) scripts/supervise.py 'web=$(GUNICORN)' $(BACKGROUND)

lint: install
	$(VENV)/bin/ruff check $(CODE)
	$(VENV)/bin/ruff format --check $(CODE)
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format $(CODE)

# The whole suite, on SQLite and then on a throwaway PostgreSQL cluster.
test: lint system-packages test-sqlite test-postgres

test-sqlite: install
	$(VENV)/bin/pytest

test-postgres: install
	scripts/with-postgres.sh $(VENV)/bin/pytest

# Chromium and CJK fonts for the browser tests, the PostgreSQL server for test-postgres.
system-packages:
	scripts/ensure-system-packages.sh

# Short runs; the full figures (docs/performance.md): benchmarks/load.py without options, and
# scripts/with-postgres.sh .venv/bin/python benchmarks/province.py
bench: install
	$(PY) benchmarks/bench_parse.py
	$(PY) benchmarks/bench_supervision.py
	$(PY) benchmarks/align.py --details
	$(PY) benchmarks/load.py --seconds 1 --users 1,5
	scripts/with-postgres.sh $(PY) benchmarks/province.py --scale 0.05

clean:
	rm -rf build dist .pytest_cache .hypothesis .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
