"""Adding articles: the dialog's prompt fits, and a folder's project files are not stories."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Label

from reader.app import ReaderApp
from reader.cli import main
from reader.screens.add import AddScreen
from tests.test_app import wait_loaded


async def test_the_add_dialog_prompt_is_shown_whole_at_80_columns():
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AddScreen)
        label = app.screen.query_one(Label)
        assert label.region.width <= label.parent.content_region.width  # not cut off by the box
        lines = label.render_lines(Region(0, 0, label.size.width, label.size.height))
        shown = " ".join(" ".join(strip.text for strip in lines).split())
        assert shown.startswith("Add files, folders, web pages or feeds")
        assert shown.endswith("separated by spaces):"), shown


def test_adding_a_folder_leaves_its_readme_and_licence_out(tmp_path, capsys):
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "README.md").write_text("# Clippings\n\nWhat this folder is for, and how it is laid out.\n")
    (folder / "LICENSE.md").write_text("# MIT License\n\nPermission is hereby granted, free of charge.\n")
    (folder / "licence.txt").write_text("Licence\n\nYou may copy these clippings.\n")
    (folder / "storm.txt").write_text("Storm floods coastal towns\n\nA storm flooded towns along the coast.\n")
    assert main(["add", str(folder)]) == 0
    assert "1 article added" in capsys.readouterr().out
    assert main(["list", "--json"]) == 0
    import json

    titles = [row["title"] for row in json.loads(capsys.readouterr().out)]
    assert titles == ["Storm floods coastal towns"]
