"""Every worker of the app fails here once: the person sees one plain line saying what
failed, the pane that ran it is usable again, and the app goes on answering keys."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from reader.app import ReaderApp
from reader.screens.help import HelpScreen
from reader.screens.index_status import IndexStatus
from reader.widgets.article_view import ArticleView
from reader.widgets.task_progress import TaskProgress
from search_support import make_library
from tests.test_app import SIZE, wait_loaded
from tests.waiting import until


def boom(*_args, **_kwargs):
    raise RuntimeError("boom (a test made this fail)")


settle = partial(until, tries=250)


def failure_shown(app, text: str) -> bool:
    return any(text in message and "boom" in message and severity == "error" for message, severity in app.seen)


def watch_notices(app: ReaderApp) -> ReaderApp:
    """Record every notification the app shows (``app.seen``)."""
    app.seen = []
    shown = app.notify

    def notify(message, **kwargs):
        app.seen.append((str(message), kwargs.get("severity", "information")))
        shown(message, **kwargs)

    app.notify = notify
    return app


async def still_usable(pilot) -> None:
    """Keys still work: help opens and closes, and the article view is not stuck loading."""
    app = pilot.app
    await pilot.press("question_mark")
    await settle(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
    await pilot.press("escape")
    await settle(pilot, lambda: not isinstance(app.screen, HelpScreen), "help to close")
    assert not app.query_one(ArticleView).loading


def long_library(folder: Path) -> Path:
    make_library(folder)
    paragraph = "Many words in a long story that takes a while to read from the disk. " * 20
    (folder / "zz_long.txt").write_text("Long story.\n\n" + "\n\n".join([paragraph] * 300))  # 84,000 words
    return folder


async def test_loading_the_library_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.core.Library.catalog", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: failure_shown(app, "Could not load the library"), "the failure")
        await still_usable(pilot)


async def test_reading_a_long_story_fails(tmp_path, monkeypatch):
    app = watch_notices(ReaderApp(sources=[long_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        monkeypatch.setattr("reader.library.catalog.Catalog.load", boom)
        screen.open_entry(screen.library_panel.catalog.get("zz_long"))
        await settle(pilot, lambda: failure_shown(app, "Could not read the story"), "the failure")
        await still_usable(pilot)


async def test_laying_out_a_long_story_fails(tmp_path, monkeypatch):
    app = watch_notices(ReaderApp(sources=[long_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        monkeypatch.setattr("reader.widgets.article_view.wrap_body", boom)
        monkeypatch.setattr("reader.widgets.article_view.WRAP_IN_WORKER_CHARS", 10)
        screen = app.screen
        screen.open_entry(screen.library_panel.catalog.get("storm"))
        await settle(pilot, lambda: failure_shown(app, "Could not lay out the story"), "the failure")
        await still_usable(pilot)


async def test_recognising_entities_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.entities.service.get_recognizer", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await settle(pilot, lambda: failure_shown(app, "Could not find the entities"), "the failure")
        await still_usable(pilot)


async def test_gathering_the_background_fails(tmp_path, monkeypatch):
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.screen.sidebar
        await settle(pilot, lambda: bool(sidebar.entities), "the entities")
        monkeypatch.setattr("reader.about.background_for", boom)
        note_less = next(e for e in sidebar.entities if e.note is None)
        sidebar.select(note_less)
        await settle(pilot, lambda: failure_shown(app, "Could not gather the background"), "the failure")
        await still_usable(pilot)


async def test_filtering_by_a_name_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.core.Library.mentioning", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.screen.filter_mentioning("“Geneva”", ["Geneva"])
        await settle(pilot, lambda: failure_shown(app, "Could not find the articles that mention it"), "the failure")
        await settle(pilot, lambda: not app.query_one(TaskProgress).running, "the progress line to end")
        await still_usable(pilot)


async def test_an_import_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.library.importer.Importer.add", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.screen.library_panel.run_import([str(tmp_path / "lib" / "storm.txt")])
        await settle(pilot, lambda: failure_shown(app, "The import stopped"), "the failure")
        await settle(pilot, lambda: not app.query_one(TaskProgress).running, "the progress line to end")
        await still_usable(pilot)


async def test_updating_the_index_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.search.index.LibraryIndex.update", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await settle(pilot, lambda: failure_shown(app, "Could not update the search index"), "the failure")
        assert app.query_one(IndexStatus).state is None  # searching goes on with what is indexed
        await still_usable(pilot)


async def test_a_search_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.screens.search.search", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("s", *"storm")
        await settle(pilot, lambda: failure_shown(app, "The search failed"), "the failure")
        await pilot.press("escape")
        await still_usable(pilot)


async def test_saving_the_theme_fails(tmp_path, monkeypatch):
    def disk_full(*_args, **_kwargs):
        raise OSError("boom: no space left on the device")

    monkeypatch.setattr("reader.config.writing.save_theme", disk_full)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.theme = "newsprint"
        await settle(pilot, lambda: any("The theme was not saved" in m and "boom" in m for m, _ in app.seen),
                     "the failure")
        await still_usable(pilot)


def test_every_worker_says_what_it_does():
    """Each ``@work`` names what failed when it fails (its ``description``) and reports
    through a node that calls ``worker_failed``."""
    import ast

    package = Path(__file__).resolve().parents[1] / "reader"
    missing, unhandled = [], []
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for decorator in getattr(node, "decorator_list", []):
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "work":
                    if not any(k.arg == "description" for k in decorator.keywords):
                        missing.append(f"{path.name}:{node.name}")
                    if "worker_failed(" not in path.read_text(encoding="utf-8") and path.name != "app_settings.py":
                        unhandled.append(path.name)
    assert not missing, f"workers without a description: {missing}"
    assert not unhandled, f"modules whose workers' failures nobody reports: {unhandled}"


async def test_a_wikipedia_look_up_fails(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.wikipedia.look_up", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.screen.sidebar
        await settle(pilot, lambda: bool(sidebar.entities), "the entities")
        sidebar.select(sidebar.entities[0])
        sidebar.action_look_up()
        await settle(pilot, lambda: failure_shown(app, "Could not look it up on Wikipedia"), "the failure")
        await still_usable(pilot)
