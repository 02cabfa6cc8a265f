# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# Development defaults; production sets these in its own environment.
export DJANGO_DEBUG ?= True

.PHONY: run test install install-dev migrate seed messages lint migrations-check check-deploy bench clean

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed

run: seed
	@echo "Serving Nanjie Grid on http://127.0.0.1:8000 (Ctrl-C stops it)"
	$(PY) manage.py runserver 127.0.0.1:8000

# The suite spreads over every core (pytest-xdist); PYTEST_ARGS="-n 0" runs it in one process.
PYTEST_ARGS ?= -n auto
test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Regenerate the zh_Hans catalogue from code and templates, fill it from locale/parts/*.po (one part per
# app, hand-translated), compile it, and list what is still untranslated (needs gettext).
CATALOGUE := locale/zh_Hans/LC_MESSAGES/django.po
messages: install
	$(PY) manage.py makemessages -l zh_Hans --no-obsolete --no-location --ignore '.venv/*' --ignore 'bench/*' --ignore 'tests/*' --ignore 'staticfiles/*'
	@# Parts may come without a header: give each one ours so gettext knows they are UTF-8.
	rm -rf locale/.parts && mkdir locale/.parts
	for part in locale/parts/*.po; do { grep -q 'charset=' $$part || cat locale/header.po; echo; cat $$part; } > locale/.parts/$$(basename $$part); done
	msgcat --use-first locale/.parts/*.po -o locale/.compendium.po
	msgmerge --quiet --no-fuzzy-matching --compendium locale/.compendium.po locale/header.po $(CATALOGUE) -o $(CATALOGUE)
	rm -rf locale/.compendium.po locale/.parts
	msgfmt --check -o locale/zh_Hans/LC_MESSAGES/django.mo $(CATALOGUE)
	@missing=$$(msgattrib --untranslated --no-obsolete $(CATALOGUE) | grep '^msgid "' | grep -v '^msgid ""$$'); \
	  if [ -n "$$missing" ]; then echo "$$missing" | sed 's/^/untranslated: /'; else echo "every message is translated"; fi

bench: install-dev
	bench/run

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
