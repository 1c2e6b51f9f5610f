"""The command line works without a terminal and fails with one clear line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from reader import __version__
from reader.cli import main
from tests.conftest import REPO


def test_list_json_names_the_seed(capsys):
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "000_028039a13440567c"
    assert rows[0]["words"] == 406
    assert rows[0]["title"].startswith("China has told Japan")


def test_list_table(capsys):
    assert main(["list"]) == 0
    assert "000_028039a13440567c     406  China has told Japan" in capsys.readouterr().out


def test_list_of_given_paths_reports_skipped_files(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A story.\n")
    (tmp_path / "empty.txt").write_text("")
    assert main(["list", "--json", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert [row["id"] for row in json.loads(captured.out)] == ["good"]
    assert "empty.txt: empty file" in captured.err


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    for argv in (["list", str(tmp_path / "nope")], [str(tmp_path / "nope")]):
        result = subprocess.run([sys.executable, "-m", "reader", *argv], cwd=REPO, capture_output=True, text=True)
        assert result.returncode == 2
        assert result.stderr.strip() == f"reader: no such file or folder: {tmp_path / 'nope'}"
        assert "Traceback" not in result.stderr


def test_version_and_help(capsys):
    for argv in (["--version"], ["--help"]):
        try:
            main(argv)
        except SystemExit as exit_:
            assert exit_.code == 0
    out = capsys.readouterr().out
    assert f"reader {__version__}" in out
    assert "list" in out


def test_every_sub_command_module_has_the_name_it_is_listed_under():
    from reader.commands import COMMAND_MODULES, load_commands

    assert [module.NAME for module in load_commands()] == list(COMMAND_MODULES)


def test_opening_the_app_imports_no_sub_command_and_no_whoosh():
    code = (
        "import sys, reader.cli, reader.app\n"
        "print(sorted(m for m in sys.modules if m.startswith(('whoosh', 'reader.commands.'))"
        " and m not in ('reader.commands.common', 'reader.commands.errors')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_mistyped_command_is_named_or_the_list_is_pointed_to(tmp_path):
    said = {}
    for word in ("serch", "frobnicate"):
        result = subprocess.run([sys.executable, "-m", "reader", word], cwd=tmp_path, capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 2
        said[word] = result.stderr.strip()
    assert said["serch"] == "reader: no such file or folder: serch (the command 'search'?)"
    assert said["frobnicate"] == "reader: no such file or folder: frobnicate (nor a command: reader --help lists them)"


def test_list_table_lines_up_ids_and_titles_in_cjk(tmp_path, capsys):
    """Columns are padded by display width: a CJK character takes two cells."""
    from rich.cells import cell_len

    (tmp_path / "東京の天気.txt").write_text("東京の天気予報\n\n今日は晴れです。\n")
    (tmp_path / "london.txt").write_text("Weather in London\n\nIt rains.\n")
    assert main(["list", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    title_starts = {cell_len(line[: line.index(title)]) for line, title in zip(sorted(lines), ("Weather", "東京の天気予報"))}
    assert len(title_starts) == 1, lines
