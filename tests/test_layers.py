"""The core never imports textual: it must work without a terminal."""

import subprocess
import sys

from tests.conftest import REPO

CORE_MODULES = ["reader.library", "reader.paths", "reader.atomic", "reader.cli", "reader.commands"]


def test_core_imports_no_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "for optional in ('reader.search', 'reader.entities', 'reader.config'):\n"
        "    try:\n"
        "        importlib.import_module(optional)\n"
        "    except ModuleNotFoundError as error:\n"
        "        if error.name != optional: raise\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

