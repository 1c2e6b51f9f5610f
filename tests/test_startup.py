"""Start-up: collections paused until the first story is shown, and YAML files read once."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from reader.app import ReaderApp
from reader.startup import pause_collections, resume_collections
from reader.widgets.article_view import ArticleView
from reader.yamlfile import read_yaml

REPO = Path(__file__).resolve().parents[1]


async def test_collections_resume_once_the_first_story_is_shown():
    pause_collections()
    try:
        async with ReaderApp().run_test(size=(120, 36)) as pilot:
            for _ in range(100):
                await pilot.pause(0.02)
                if pilot.app.query_one(ArticleView).wrapped_lines and gc.isenabled():
                    break
            assert pilot.app.query_one(ArticleView).wrapped_lines
            assert gc.isenabled()  # long before the fallback timer (3 s)
    finally:
        resume_collections()


def test_resume_is_once_and_leaves_collections_on():
    pause_collections()
    resume_collections()
    resume_collections()
    assert gc.isenabled()


def _imports_yaml(path: Path, home: Path) -> tuple[str, bool]:
    code = ("import sys; from pathlib import Path; from reader.yamlfile import read_yaml; "
            f"doc = read_yaml(Path({str(path)!r})); print(doc.data['name'], doc.line('name'), 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO,
                         env={**os.environ, "READER_HOME": str(home)}).stdout.split()
    return f"{out[0]}:{out[1]}", out[2] == "True"


def test_a_yaml_text_read_before_is_not_parsed_again(tmp_path):
    path = tmp_path / "theme.yaml"
    path.write_text("# a theme\nname: first\n")
    assert _imports_yaml(path, tmp_path / "home") == ("first:2", True)
    assert _imports_yaml(path, tmp_path / "home") == ("first:2", False)  # from the cache, with its lines
    path.write_text("# a theme\n\nname: second\n")
    assert _imports_yaml(path, tmp_path / "home") == ("second:3", True)  # a changed text is parsed anew


def test_data_json_would_change_is_parsed_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_HOME", str(tmp_path / "home"))
    path = tmp_path / "dated.yaml"
    path.write_text("when: 2024-05-01\n1: one\n")
    first = read_yaml(path).data
    assert read_yaml(path).data == first == {"when": first["when"], 1: "one"}
    assert not (tmp_path / "home" / "cache" / "parsed-yaml.json").exists()


async def test_an_empty_library_shows_no_loading_sign(tmp_path):
    from reader.screens.article_column import LOADING_SIGN_AFTER

    async with ReaderApp(sources=[tmp_path]).run_test(size=(120, 36)) as pilot:
        await pilot.pause(LOADING_SIGN_AFTER + 0.2)
        view = pilot.app.query_one(ArticleView)
        assert view.article is None and not view.loading



async def _open_and_leave(press: tuple[str, ...] = ()) -> tuple[str | None, int | None]:
    """Start the app on the sample, press keys in the article, quit; the story and place shown."""
    async with ReaderApp().run_test(size=(120, 36)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if pilot.app.query_one(ArticleView).wrapped_lines and pilot.app.screen.library_panel.catalog.entries:
                break
        column = pilot.app.screen.column
        column.view.focus()
        for key in press:
            await pilot.press(key)
        await pilot.pause(0.2)
        return (column.article.id if column.article else None), column.reading_position()


async def test_the_story_left_is_shown_again_at_its_place():
    first_id, _ = await _open_and_leave(press=("space", "space"))
    again_id, place = await _open_and_leave()
    assert again_id == first_id and place > 0


async def test_the_story_left_is_shown_before_the_list_is_read(monkeypatch):
    from reader.screens.library_panel import LibraryPanel

    await _open_and_leave(press=("space",))
    monkeypatch.setattr(LibraryPanel, "load", lambda self, *args, **kwargs: None)  # a list that never comes
    async with ReaderApp().run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.3)
        assert not pilot.app.screen.library_panel.catalog.entries
        column = pilot.app.screen.column
        assert column.article is not None and column.article.body.startswith("China has told Japan")
        assert pilot.app.query_one(ArticleView).wrapped_lines  # laid out on screen


async def test_a_story_shown_before_the_first_layout_is_in_the_first_frame(monkeypatch):
    """The view lays the story out as it first draws it, not after its resize (which comes a
    frame later): with resizes ignored, the story is still on screen."""
    from textual.app import App, ComposeResult

    from reader.app import ENTITY_COLOUR_DEFAULTS
    from reader.library.article import Article

    monkeypatch.setattr(ArticleView, "on_resize", lambda self: None)
    article = Article(id="a", title="A headline", body="Words of the first frame, wrapped as drawn.")

    class OneStory(App):
        def get_theme_variable_defaults(self) -> dict[str, str]:
            return {**super().get_theme_variable_defaults(), **ENTITY_COLOUR_DEFAULTS}

        def compose(self) -> ComposeResult:
            view = ArticleView()
            view.show(article)  # before the view has a size
            yield view

    async with OneStory().run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        view = pilot.app.query_one(ArticleView)
        assert view.wrapped_lines
        assert "Words of the first frame" in "".join(
            segment.text for y in range(view.size.height) for segment in view.render_line(y))


async def test_a_star_pressed_before_the_reading_state_is_read_is_kept(monkeypatch):
    """(A new user's pass: ``*`` as the app started said "Starred ★", and the state read after
    it replaced the star: nothing was saved.)"""
    from reader.library.state import StateStore
    from reader.screens.library_panel import LibraryPanel

    original = LibraryPanel.load
    monkeypatch.setattr(LibraryPanel, "load", lambda self, *args, **kwargs: None)  # held back
    async with ReaderApp().run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.3)
        panel = pilot.app.screen.library_panel
        story = pilot.app.screen.column.article
        assert story is not None
        await pilot.press("asterisk")
        await pilot.pause(0.1)
        assert story.id not in panel.article_list.starred  # waits for the state
        original(panel, first=True)  # now it comes
        for _ in range(100):
            await pilot.pause(0.05)
            if story.id in panel.article_list.starred:
                break
        assert story.id in panel.article_list.starred
    store = StateStore()
    try:
        assert store.all()[story.id].starred
    finally:
        store.close()


async def test_the_list_coming_after_the_first_story_leaves_the_focus_where_the_person_put_it(monkeypatch):
    """(The sample's story now shows before the list: a person may be in the sidebar when the
    list comes, and the list took the focus away; CI caught it as a flaky test.)"""
    from reader.screens.library_panel import LibraryPanel
    from reader.widgets.entity_list import EntityList

    original = LibraryPanel.load
    monkeypatch.setattr(LibraryPanel, "load", lambda self, *args, **kwargs: None)  # held back
    async with ReaderApp().run_test(size=(150, 40)) as pilot:  # (wide enough for the sidebar)
        entities = None
        for _ in range(200):
            await pilot.pause(0.02)
            found = pilot.app.query(EntityList)  # (mounted just after the first frame)
            if found and found.first().option_count:
                entities = found.first()
                break
        assert entities is not None
        entities.focus()
        await pilot.pause()
        panel = pilot.app.screen.library_panel
        original(panel, first=True)  # the list comes now
        for _ in range(100):
            await pilot.pause(0.03)
            if panel.catalog.entries:
                break
        await pilot.pause(0.1)
        assert panel.catalog.entries and pilot.app.focused is entities


async def test_a_first_start_shows_the_samples_story_before_the_list_is_read(monkeypatch):
    from reader.screens.library_panel import LibraryPanel

    monkeypatch.setattr(LibraryPanel, "load", lambda self, *args, **kwargs: None)  # a list that never comes
    async with ReaderApp().run_test(size=(120, 36)) as pilot:  # a new home: no story was left open
        await pilot.pause(0.3)
        assert not pilot.app.screen.library_panel.catalog.entries
        column = pilot.app.screen.column
        assert column.article is not None and column.article.body.startswith("China has told Japan")


def test_only_a_library_of_one_story_has_a_story_to_show_first(tmp_path):
    from reader.library.last_story import only_story

    (tmp_path / "one.txt").write_text("A headline\n\nSome words of the story.\n")
    shown = only_story([tmp_path])
    assert shown is not None and shown.article.title == "A headline" and shown.position == 0
    (tmp_path / "two.txt").write_text("Another\n\nMore words.\n")
    assert only_story([tmp_path]) is None
    assert only_story([tmp_path / "gone"]) is None


def test_a_changed_file_or_another_library_is_not_recalled(tmp_path):
    from reader.library.last_story import recall, remember

    story = tmp_path / "story.txt"
    story.write_text("A headline\n\nSome words of the story.\n")
    from reader.loaders import load_file

    article = load_file(story, tmp_path).articles[0]
    remember([tmp_path], str(story), str(tmp_path), article.id, 3)
    kept = recall([tmp_path])
    assert kept is not None and kept.article.id == article.id and kept.position == 3
    assert recall([tmp_path / "other"]) is None
    story.write_text("A headline\n\nOther words, and more of them.\n")
    assert recall([tmp_path]) is None


def test_what_the_yaml_cache_hands_out_is_a_copy(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("keymap:\n  quit: ctrl+q\n")
    read_yaml(path).data["keymap"]["quit"] = "changed"  # parsed, then kept
    read_yaml(path).data["keymap"]["quit"] = "changed"  # from the cache
    assert read_yaml(path).data == {"keymap": {"quit": "ctrl+q"}}


async def test_the_snapshots_list_is_on_screen_while_the_walk_runs(tmp_path, monkeypatch):
    """At a later start the list comes from the catalog's snapshot and is drawn at once; the
    walk that confirms it (seconds at 100,000 stories) is not waited for. Textual's loading
    sign over the list, kept until the walk ended, hid it for those seconds."""
    import threading

    from reader.core import Library
    from reader.widgets.article_list import ArticleList

    library = tmp_path / "lib"
    library.mkdir()
    for n in range(3):
        (library / f"s{n}.txt").write_text(f"Story {n}\n\nIts text.\n")
    async with ReaderApp(sources=[library]).run_test(size=(120, 36)) as pilot:  # the snapshot is written
        await pilot.pause(0.5)
    walk_may_end = threading.Event()
    walking = Library.catalog

    def slow_catalog(self, **kwargs):
        walk_may_end.wait(10)
        return walking(self, **kwargs)

    monkeypatch.setattr(Library, "catalog", slow_catalog)
    try:
        async with ReaderApp(sources=[library]).run_test(size=(120, 36)) as pilot:
            article_list = pilot.app.query_one(ArticleList)
            for _ in range(100):
                await pilot.pause(0.02)
                if article_list.region.width and "3 articles" in str(article_list.border_subtitle):
                    break
            assert article_list.region.width > 0 and "Story" in article_list.render_line(0).text
            panel = pilot.app.screen.library_panel
            assert not panel.walked and not panel.loading  # the walk still runs; the list shows
    finally:
        walk_may_end.set()
