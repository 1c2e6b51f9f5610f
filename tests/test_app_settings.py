"""The app with config.yaml and themes: theme choice and persistence, keymap, layout, problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from reader.app import ReaderApp
from reader.config import config_path, load_settings
from reader.screens.help import HelpScreen, help_sections
from reader.screens.main import FULL_WIDTH
from reader.themes import user_themes_dir
from reader.widgets.article_view import ArticleView
from tests.waiting import until

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SIZE = (120, 36)
WIDE = (160, 40)  # the sidebar sits beside the article


class RecordingApp(ReaderApp):
    """ReaderApp that remembers every notification (message and options)."""

    CSS_PATH = str(REPO / "reader" / "app.tcss")  # a relative CSS_PATH resolves beside the subclass

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.notices: list[tuple[str, dict]] = []
        super().__init__(*args, **kwargs)

    def notify(self, message, **kwargs):  # noqa: ANN001, ANN003, ANN201
        self.notices.append((str(message), kwargs))
        return super().notify(message, **kwargs)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def settle(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_default_theme_and_only_readers_themes_are_offered() -> None:
    app = RecordingApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "ink"
        assert set(app.available_themes) == {"ink", "newsprint", "high-contrast", "sepia"}
        assert app.notices == []
    assert not config_path().exists()  # nothing chosen, nothing written


async def test_theme_from_config_and_theme_option_wins_without_saving() -> None:
    path = write(config_path(), "# mine\ntheme: sepia\n")
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "sepia"
        assert app.get_css_variables()["entity-person"] == "#93391c"
    app = ReaderApp([SEEDS], theme="high-contrast")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "high-contrast"
        assert app.current_theme.background == "#000000"
    assert path.read_text() == "# mine\ntheme: sepia\n"


async def test_theme_key_opens_the_picker_and_the_choice_persists() -> None:
    path = write(config_path(), "# my settings\ntheme: ink   # the default\narticle_width: 70\n")
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"newsprint", "enter")
        await settle(pilot)
        assert app.theme == "newsprint"
        await settle(pilot)
    assert path.read_text() == "# my settings\ntheme: newsprint   # the default\narticle_width: 70\n"
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "newsprint"


async def test_the_theme_picker_describes_each_theme_and_marks_the_one_in_use() -> None:
    """``t`` lists the themes with the descriptions ``reader themes`` prints (it said only
    "The theme in use", under one of them: a new user's pass)."""
    from textual.command import CommandList

    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette)
                    and app.screen.query_one(CommandList).option_count >= 4, "the themes listed")
        shown = [str(app.screen.query_one(CommandList).get_option_at_index(i).prompt)
                 for i in range(app.screen.query_one(CommandList).option_count)]
        text = "\n".join(shown)
        assert "Light and warm" in text and "White on black" in text, text
        assert any("ink" in line and "the theme in use" in line for line in shown), shown


async def test_command_palette_lists_readers_themes() -> None:
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_change_theme()  # what the palette's "Theme" command runs
        await pilot.pause()
        await pilot.press(*"high", "enter")
        await settle(pilot)
        assert app.theme == "high-contrast"
    assert load_settings().settings.theme == "high-contrast"


async def test_keymap_override_changes_a_key() -> None:
    write(config_path(), "keymap:\n  app.help: f2\n  main.next_article: n\n")
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)  # ? no longer opens help
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = dict(help_sections(app))
        assert ("f2", "Help") in sections["Everywhere"]  # the help screen shows the remapped key
        assert ("n", "Next article") in sections["Reading"]


async def test_without_keymap_the_default_key_works() -> None:
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_unknown_keymap_id_is_reported() -> None:
    write(config_path(), "keymap:\n  app.hlep: f2\n")
    app = RecordingApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert len(app.notices) == 1
    message, options = app.notices[0]
    assert "line 2: keymap: no binding with id 'app.hlep' (did you mean 'app.help'?)" in message
    assert options["markup"] is False


async def test_bad_theme_files_give_one_notification_each_and_the_app_starts() -> None:
    folder = user_themes_dir()
    bad_colour = write(folder / "[bold]odd.yaml", "name: odd\nprimary: '[b]x'\nbackground: '#000'\nforeground: '#fff'\n")
    broken = write(folder / "broken.yaml", "name: [\n")
    write(folder / "mine.yaml", "name: mine\nprimary: '#336699'\nbackground: '#101010'\nforeground: '#eeeeee'\n")
    write(config_path(), "theme: mine\n")
    app = RecordingApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "mine"
        assert "mine" in app.available_themes and "odd" not in app.available_themes
    theme_notices = [(m, o) for m, o in app.notices if o.get("title") == "Theme"]
    assert len(theme_notices) == 2
    assert theme_notices[0][0] == f"{bad_colour}: line 2: primary: unknown colour '[b]x'"
    assert theme_notices[1][0].startswith(f"{broken}: line 2: invalid YAML")
    assert all(o["markup"] is False and o["severity"] == "warning" for _, o in theme_notices)


async def test_unknown_config_theme_falls_back_with_a_notification() -> None:
    path = write(config_path(), "article_width: 70\ntheme: nope\n")
    app = RecordingApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "ink"
    assert [m for m, _ in app.notices] == [f"{path}: line 2: unknown theme 'nope'; using 'ink'"]
    assert path.read_text() == "article_width: 70\ntheme: nope\n"


async def test_theme_not_saved_when_config_is_broken() -> None:
    path = write(config_path(), "theme: [ink\n")
    app = RecordingApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "sepia"
        await settle(pilot)
    assert path.read_text() == "theme: [ink\n"
    assert any("The theme was not saved" in m and str(path) in m for m, _ in app.notices)


@pytest.mark.parametrize("setting, expected", [("article_width: 60\n", 60), ("article_width: full\n", FULL_WIDTH), ("", 80)])
async def test_article_width_from_settings(setting: str, expected: int) -> None:
    write(config_path(), setting)
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.max_width == expected
        assert view.text_width == min(expected, view.scrollable_content_region.width - 4)


async def test_sidebars_hidden_by_settings() -> None:
    write(config_path(), "sidebars:\n  entities: false\n  note: false\n")
    app = ReaderApp([SEEDS])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one("#sidebar")
        assert sidebar.has_class("-hidden") and not sidebar.display
        await pilot.press("e")  # the toggle still brings it back
        await pilot.pause()
        assert sidebar.display


async def test_sidebar_shown_when_one_is_wanted() -> None:
    write(config_path(), "sidebars:\n  entities: false\n")
    app = ReaderApp([SEEDS])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#sidebar").display


async def test_library_folders_from_settings(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "one.txt", "A story of one.\n\nIt has two paragraphs.\n")
    path = write(config_path(), f"library:\n  - {folder}\n  - {tmp_path / 'missing'}\n")
    app = RecordingApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [a.title for a in app.screen.library_panel.catalog.entries] == ["A story of one."]
    assert [m for m, _ in app.notices] == [f"{path}: library folder {tmp_path / 'missing'} does not exist"]


async def test_unknown_requested_theme_falls_back_to_config() -> None:
    write(config_path(), "theme: sepia\n")
    app = RecordingApp([SEEDS], theme="nope")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "sepia"
    assert [m for m, _ in app.notices] == ["--theme: unknown theme 'nope'"]


async def test_quick_theme_changes_save_the_last_one() -> None:
    app = ReaderApp([SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for name in ("sepia", "newsprint", "high-contrast", "sepia", "newsprint"):
            app.theme = name
        await settle(pilot)
    assert load_settings().settings.theme == "newsprint"


def test_config_show_reports_an_unknown_keymap_id_on_its_line_like_the_app(capsys) -> None:
    from reader.cli import main

    write(config_path(), "theme: ink\nkeymap:\n  app.help: f2\n  search.back: ctrl+g\n  main.fnid: ctrl+f\n")
    assert main(["config", "--show"]) == 0  # a warning, not an error
    err = capsys.readouterr().err
    assert "line 5: keymap: no binding with id 'main.fnid' (did you mean 'main.find'?)" in err
    assert "search.back" not in err and "app.help" not in err  # ids of every screen are known
