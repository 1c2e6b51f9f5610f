"""The structure holds: import-linter's contracts (pyproject.toml) over every module, and the
command line starts without Textual."""

import subprocess
import sys

from importlinter.cli import lint_imports

from tests.conftest import REPO


def test_import_contracts_are_kept(monkeypatch):
    """The core imports no Textual; cli > app/commands > palette > screens > widgets; display
    widgets hold no storage, search or network; loaders know nothing of the library."""
    monkeypatch.chdir(REPO)
    assert lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True) == 0


def test_the_command_line_starts_without_textual():
    code = (
        "import importlib, sys\n"
        "import reader.cli, reader.commands\n"
        "for name in reader.commands.COMMAND_MODULES.values():\n"
        "    importlib.import_module('reader.commands.' + name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' and m != 'textual.theme'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_app_starts_without_the_entity_modules():
    """The entity stack (summaries, notes, background) is imported by the sidebar's workers,
    after the first story is on screen, not by importing the app (about 10 ms of a cold start)."""
    code = ("import sys, reader.app\n"
            "print(sorted(m for m in sys.modules if m.startswith('reader.entities.') and m != 'reader.entities.model'))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_app_starts_without_what_its_first_frame_does_not_need():
    """The reading state (and sqlite3) is imported by the list's loading worker, which starts
    after the first frame when that frame shows the story left open; the dossier's sparkline
    (and the statistics module) with the background panel's sections; the find bar when it
    first opens."""
    code = ("import sys, reader.app\nprint(sorted(m for m in sys.modules if m.startswith(("
            "'reader.library.state', 'sqlite3', 'statistics', 'textual.widgets._sparkline', "
            "'reader.widgets.find_bar'))))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
