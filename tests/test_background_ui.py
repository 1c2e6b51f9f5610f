"""Pilot tests of the background panel: sections, the dossier, keys of issue 12 (14-15)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reader.app import ReaderApp
from reader.entities import service
from reader.entities.notes import load_knowledge_base
from reader.screens.index_status import IndexStatus
from reader.screens.note_editor import NoteEditor
from reader.widgets.mention_strip import MentionStrip
from reader.widgets.note_panel import NotePanel
from tests.test_app import SIZE, wait_loaded
from tests.test_entities_ui import show_senkaku_note, wait_entities, wait_note
from tests.waiting import until


@pytest.fixture(autouse=True)
def fresh_recognizer():
    service.reset()
    yield
    service.reset()


def panel_text(app) -> str:
    """Everything the note panel shows (its visible texts and options)."""
    panel = app.query_one(NotePanel)
    parts = []
    for widget in panel.query("Static, OptionList"):
        if not widget.display or widget.has_class("-hidden"):
            continue
        if hasattr(widget, "option_count"):
            parts += [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
        else:
            parts.append(str(widget.render()))
    return "\n".join(parts)


async def wait_panel(pilot, text: str) -> str:
    shown = ""
    for _ in range(250):
        await pilot.pause(0.02)
        shown = panel_text(pilot.app)
        if text in shown:
            return shown
    raise AssertionError(f"{text!r} not in the note panel: {shown!r}")


async def wait_index_ready(pilot) -> None:
    await until(pilot, lambda: pilot.app.screen.sidebar.index_ready, "the index ready", tries=400)


def story(folder, name, title, published, body):
    (folder / name).write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n")


@pytest.fixture
def harbour(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    story(library, "a.txt", "Ferries stop", "2021-03-02",
          "The ferry office said on Monday that Harbour Director Quentin Vale closed the port of Paris. "
          "Vale said storms were coming.")
    story(library, "b.txt", "Storm passes", "2021-05-20", "Quentin Vale, the harbour director, reopened Paris.")
    story(library, "c.txt", "Vale again", "2021-06-01", "Harbour Director Quentin Vale met Mayor Ann Hobb in Paris.")
    return library


async def test_entity_without_a_note_shows_the_story_and_w_from_the_list_writes_a_dated_note(harbour):
    app = ReaderApp(sources=[harbour])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        legend = str(entity_list.get_option_at_index(entity_list.option_count - 1).prompt)
        assert legend == "No notes yet (w writes one)"  # none of this story's names has one: no marks
        assert not any(" ·" in str(entity_list.get_option_at_index(i).prompt) for i in range(entity_list.option_count))
        assert entity_list.select_key("quentin-vale") is not None
        shown = await wait_panel(pilot, "In this story: 1 mention")  # the newest story opens first
        assert "No background note yet" in shown and "Role: Harbour Director" in shown
        assert "“Harbour Director Quentin Vale met Mayor Ann Hobb in Paris.”" in shown
        strip = app.query_one(MentionStrip)
        assert strip.mentions == app.screen.sidebar.selected.mentions
        entity_list.focus()
        await pilot.press("w")  # from the entity list, not the note pane
        await pilot.pause()
        await pilot.press(*"Runs the harbour.")
        await pilot.press("ctrl+s")
        await wait_note(pilot, "Runs the harbour.")
        note = load_knowledge_base().get("quentin-vale")
        assert note.summary == "Runs the harbour." and note.as_of == dt.date.today().isoformat()
        # the index takes the new note in: its manifest now lists the note's name
        await wait_note_indexed(pilot, ["Quentin Vale", "quentin-vale", "PERSON", "Quentin Vale", ""])


async def panel_of(tmp_path, body: str, key: str, waited: str) -> str:
    """What the note panel shows for the entity ``key`` of a one-story library of ``body``."""
    story(tmp_path, "a.txt", "A story", "2021-03-02", body)
    async with ReaderApp(sources=[tmp_path]).run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        assert entity_list.select_key(key) is not None
        return await wait_panel(pilot, waited)


async def test_a_sentence_that_opens_a_quotation_gets_no_second_quotation_mark(tmp_path):
    shown = await panel_of(tmp_path, "“I was shocked,” said Harbour Director Quentin Vale.", "quentin-vale",
                           "I was shocked")
    assert "\n“I was shocked,” said Harbour Director Quentin Vale." in shown and "““" not in shown


async def test_a_sentence_that_holds_a_quotation_is_set_in_single_marks(tmp_path):
    shown = await panel_of(tmp_path, "He asked: “What do you take from Quentin Vale’s loss?” Ryan paused.",
                           "quentin-vale", "What do you take")
    assert "‘He asked: “What do you take from Quentin Vale’s loss?”’" in shown and "””" not in shown


async def test_facts_derived_from_a_name_do_not_say_its_type_again(tmp_path):
    shown = await panel_of(tmp_path, "Harbour Widgets Ltd hired Quentin Vale on Monday.", "harbour-widgets-ltd",
                           "company (legal form Ltd)")
    assert "\n\nFacts\n" in shown and "Facts: organisation" not in shown


async def test_j_past_a_panel_lists_last_entry_reads_on_and_the_footer_says_which_pane_j_moves(harbour):
    app = ReaderApp(sources=[harbour])
    async with app.run_test(size=(140, 18)) as pilot:  # a short panel: it scrolls
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        await wait_index_ready(pilot)
        entity_list.select_key("quentin-vale")
        await wait_panel(pilot, "In your library: 3 stories")
        entity_list.focus()
        await pilot.pause()
        assert app.screen.active_bindings["j"].binding.description == "Move"
        panel = app.query_one(NotePanel)
        panel.focus()
        await pilot.pause()
        assert app.screen.active_bindings["j"].binding.description == "Scroll"
        stories = app.query_one("#dossier-stories")
        stories.focus()
        await pilot.pause()
        assert app.screen.active_bindings["j"].binding.description == "Move"  # a list inside the panel
        stories.highlighted = stories.option_count - 1
        panel.scroll_to(y=0, animate=False)
        await pilot.pause()
        assert panel.max_scroll_y > 0
        await pilot.press("j")  # past the list's last entry: the panel scrolls, the focus stays
        await until(pilot, lambda: panel.scroll_y == 1, "the panel scrolled down a line")
        assert app.focused is stories and stories.highlighted == stories.option_count - 1
        stories.highlighted = 0
        await pilot.press("k")
        await until(pilot, lambda: panel.scroll_y == 0, "the panel scrolled back")


async def test_a_partys_long_people_line_says_how_many_more_it_leaves_out(tmp_path):
    names = ["Ann Lee", "Ben Chan", "Cy Ho", "Dan Mak", "Ed Yiu", "Fay Wong", "Gus Tam", "Hal Mo", "Ivy Kwok", "Jo To"]
    body = "Voters chose on Sunday. " + " ".join(f"{name} of ADPL won a seat." for name in names)
    shown = await panel_of(tmp_path, body, "adpl", "People:")
    line = next(line for line in shown.splitlines() if line.startswith("People: "))
    assert line == "People: " + "; ".join(names[:8]) + "; and 2 more", line


async def test_a_party_shows_the_people_the_story_names_as_its_own(tmp_path):
    shown = await panel_of(tmp_path, "Voters chose on Sunday. Frederick Fung of ADPL lost the seat, and "
                           "Gary Chan, ADPL spokesman, said so in Kowloon.", "adpl", "People:")
    assert "People: Frederick Fung; Gary Chan (ADPL spokesman)" in shown  # ("of ADPL" says no more)


async def wait_note_indexed(pilot, form: list[str]) -> None:
    manifest = pilot.app.screen.query_one(IndexStatus).index.directory / "manifest.json"
    forms = []
    for _ in range(400):
        await pilot.pause(0.02)
        forms = json.loads(manifest.read_text()).get("note_forms", []) if manifest.exists() else []
        if form in forms:
            return
    raise AssertionError(f"{form} not in the index's note forms: {forms}")


async def test_a_note_saved_while_the_index_is_busy_is_indexed_when_it_is_done(harbour):
    from reader.entities.notes import Note, save_user_note
    from reader.screens.entity_sidebar import EntitySidebar
    from reader.search.index import UpdateResult

    app = ReaderApp(sources=[harbour])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        status = app.screen.query_one(IndexStatus)
        await wait_index_ready(pilot)
        save_user_note(Note("ann-hobb", "Ann Hobb", "PERSON", summary="Mayor."))
        service.reload_knowledge_base()
        status.state = "indexing 1 of 2"  # as while an update runs
        app.screen.post_message(EntitySidebar.NotesSaved())
        await pilot.pause(0.2)
        assert status.state == "indexing 1 of 2"  # nothing started beside the running update
        status.post_message(IndexStatus.Updated(UpdateResult()))  # it ends
        await wait_note_indexed(pilot, ["Ann Hobb", "ann-hobb", "PERSON", "Ann Hobb", ""])


async def test_the_library_part_fills_in_when_the_index_is_ready(harbour):
    """An entity chosen while the index was built said "the library index is still being
    built" until another was chosen (a new user's pass); it fills in when the index is ready."""
    from reader.search.index import UpdateResult

    app = ReaderApp(sources=[harbour])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await wait_entities(pilot)
        await wait_index_ready(pilot)
        app.screen.sidebar.index_ready = False  # as while the first build runs
        app.screen.sidebar.query_one("#entities").select_key("quentin-vale")
        await wait_panel(pilot, "being built")
        app.screen.query_one(IndexStatus).post_message(IndexStatus.Updated(UpdateResult()))  # it ends
        await wait_panel(pilot, "In your library: 3 stories")


async def test_the_dossier_comes_from_the_index_and_opens_the_latest_story(harbour):
    app = ReaderApp(sources=[harbour])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await wait_entities(pilot)
        await wait_index_ready(pilot)
        app.screen.sidebar.query_one("#entities").select_key("quentin-vale")
        shown = await wait_panel(pilot, "In your library: 3 stories")
        assert "2021-03 … 2021-06" in shown
        assert "Harbour Director ×3" in shown  # roles gathered when the stories were indexed ("the harbour director" too)
        assert "Paris" in shown  # mentioned with it in every story
        assert shown.index("Mentioned with") < shown.index("↳ Paris")  # the list says what it is
        sparkline = app.query_one("#library-sparkline")
        assert list(sparkline.data) == [1, 0, 1, 1]
        stories = app.query_one("#dossier-stories")
        assert [stories.get_option_at_index(i).id for i in range(stories.option_count)] == ["a", "c"]
        stories.focus()
        stories.highlighted = 1
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.02)
            if app.screen.column.article.id == "c" and app.screen.sidebar.selected is not None:
                break
        assert app.screen.column.article.id == "c"
        assert app.screen.sidebar.selected.key == "quentin-vale"
        await pilot.pause(0.2)
        assert app.focused is app.screen.column.view  # the story opened is read: space and j go on in it


async def test_backspace_goes_back_after_a_related_note():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await show_senkaku_note(pilot)
        related = app.query_one("#note-related")
        related.focus()
        related.highlighted = 0
        await pilot.press("enter")
        # the related note's panel (Senkaku's own also speaks of the East China Sea: waiting for
        # that returned Senkaku's panel when the related one came a moment later)
        shown = await wait_note(pilot, "back to Senkaku Islands")
        assert "East China Sea" in shown and not shown.startswith("Senkaku Islands")
        await pilot.press("backspace")
        await wait_note(pilot, "Diaoyutai")
        assert app.screen.sidebar.selected.key == "senkaku-islands"


async def test_a_click_on_a_related_entry_opens_that_entry():
    """The click that focuses a list of the panel chooses the row under it: a border drawn on
    focus pushed the rows down a line, so the click opened the entry beside it."""
    app = ReaderApp()
    async with app.run_test(size=(200, 60)) as pilot:
        await show_senkaku_note(pilot)
        related = app.query_one("#note-related")
        assert related.option_count >= 2 and not related.has_focus
        second = related.get_option_at_index(1).prompt
        app.query_one(NotePanel).scroll_to_widget(related, animate=False)
        await pilot.pause()
        await pilot.click(related, offset=(2, 1))  # the second row
        shown = await wait_note(pilot, "back to Senkaku Islands")
        assert shown.split("\n")[1] and shown.split("\n")[1] in str(second), (second, shown)  # ("→ China Coast Guard")


async def test_m_with_no_entity_selected_says_so():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await wait_entities(pilot)
        said = []
        app.screen.sidebar.notify = lambda message, **kwargs: said.append(message)
        app.screen.column.view.focus()
        await pilot.press("m")
        await pilot.pause()
        assert any("No entity is selected" in m for m in said)


@pytest.mark.parametrize("key, said", [("w", "No entity is selected"), ("F", "Choose a person, place or organisation")])
async def test_w_and_f_with_no_entity_selected_say_so(key, said):
    """From the article, with no entity chosen, ``w`` (write a note) and ``F`` (follow)
    say how to choose one, as ``m`` does; they did nothing and said nothing."""
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await wait_entities(pilot)
        told = []
        app.notify = lambda message, **kwargs: told.append(message)
        for widget in (app.screen, app.screen.sidebar):
            widget.notify = app.notify
        app.screen.column.view.focus()
        await pilot.press(key)
        await pilot.pause()
        assert any(said in m and ("e shows the sidebar" in m or "Tab goes" in m) for m in told), told


async def test_a_background_arriving_as_the_panel_closes_is_dropped():
    """A background gathered while the app quits: Textual mounts nothing into a closing
    widget, so the panel's sections never come; showing it must not raise (it did, under
    load, as a test's app closed)."""
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await show_senkaku_note(pilot)
        context = app.query_one(NotePanel).context
        closing = NotePanel(id="note-closing")
        await app.screen.sidebar.mount(closing)
        closing.mount_all = lambda widgets, **kwargs: None  # what mount does on a closing widget
        closing.show(context)
        closing.set_current_mention(1)
        closing.show_candidates([("Senkaku Islands", "Senkaku Islands", "islands")])
        assert closing.context is None and not closing.query_children("#note-related")


async def test_clicking_the_strip_moves_to_that_mention():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        entity_list.select_key("taiwan")
        await wait_panel(pilot, "In this story")
        strip = app.query_one(MentionStrip)
        sidebar = app.screen.sidebar
        last = len(sidebar.selected.mentions) - 1
        strip.post_message(MentionStrip.Chosen(last))  # what a click on its mark posts (strip_cells)
        await pilot.pause()
        assert sidebar.mention_index == last and strip.current == last


def with_config(text: str) -> None:
    from reader import paths

    paths.config_dir().mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / "config.yaml").write_text(text)


async def test_w_shift_looks_up_candidates_to_choose_and_saves_the_chosen_page(harbour, tmp_path):
    from tests.wiki_server import WikiServer

    pages = {"Quentin Vale (footballer)": ("English footballer (born 1990)", "A footballer.", "standard"),
             "Quentin Vale (harbour master)": ("British harbour master", "Runs the port of Dover.", "standard")}
    with WikiServer(pages) as wiki:
        with_config(f"background:\n  wikipedia: ask\n  base_url: {wiki.url}\n")
        app = ReaderApp(sources=[harbour])
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot)
            entity_list = await wait_entities(pilot)
            entity_list.select_key("quentin-vale")
            await wait_panel(pilot, "In this story")
            entity_list.focus()
            await pilot.press("W")
            shown = await wait_panel(pilot, "Which Wikipedia page is it?")
            assert "English footballer" in shown and "British harbour master" in shown
            assert load_knowledge_base().get("quentin-vale") is None  # nothing attached before the choice
            candidates = app.query_one("#wiki-candidates")
            await pilot.pause()
            assert app.focused is candidates  # the choice is under the keys (it was below the dossier, unseen)
            index = next(i for i in range(candidates.option_count)
                         if candidates.get_option_at_index(i).id == "Quentin Vale (harbour master)")
            candidates.focus()
            candidates.highlighted = index
            await pilot.press("enter")
            shown = await wait_panel(pilot, "Runs the port of Dover.")
            assert "from Wikipedia" in shown and "CC BY-SA" in shown
        assert all(not path.startswith("http") for path, _ in wiki.requests)


async def test_w_on_an_entity_with_the_persons_own_note_asks_before_replacing_it(harbour):
    from reader.entities.notes import Note, save_user_note
    from reader.screens.prompts import Choice
    from tests.wiki_server import WikiServer

    save_user_note(Note("quentin-vale", "Quentin Vale", "PERSON", summary="Runs the harbour, says my aunt."))
    pages = {"Quentin Vale": ("British harbour master", "Quentin Vale runs the port of Dover.", "standard")}
    with WikiServer(pages) as wiki:
        with_config(f"background:\n  wikipedia: ask\n  base_url: {wiki.url}\n")
        app = ReaderApp(sources=[harbour])
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot)
            entity_list = await wait_entities(pilot)
            entity_list.select_key("quentin-vale")
            await wait_panel(pilot, "says my aunt")
            await pilot.press("W")
            await until(pilot, lambda: isinstance(app.screen, Choice), "the question")
            await pilot.press("enter")  # the first answer, the default: keep my note
            await pilot.pause(0.3)
            assert wiki.requests == [] and load_knowledge_base().get("quentin-vale").summary.endswith("my aunt.")
            await pilot.press("W")
            await until(pilot, lambda: isinstance(app.screen, Choice), "the question again")
            await pilot.press("tab", "enter")  # "Replace it"
            await wait_panel(pilot, "runs the port of Dover")
        assert load_knowledge_base().get("quentin-vale").summary == "British harbour master"


async def test_wikipedia_off_sends_nothing(harbour):
    from tests.wiki_server import WikiServer

    with WikiServer({}) as wiki:
        with_config(f"background:\n  wikipedia: off\n  base_url: {wiki.url}\n")
        app = ReaderApp(sources=[harbour])
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot)
            entity_list = await wait_entities(pilot)
            said = []
            app.screen.sidebar.notify = lambda message, **kwargs: said.append(message)
            entity_list.select_key("quentin-vale")
            shown = await wait_panel(pilot, "No background note yet")
            assert "(w writes one)." in shown and "W looks it up" not in shown  # no key offered that is off
            await pilot.press("W")
            await pilot.pause(0.2)
            assert any("look-ups are off: to use W, set 'wikipedia: ask'" in m for m in said)
    assert wiki.requests == []


async def test_auto_saves_clear_matches_for_the_open_story(harbour):
    from tests.wiki_server import WikiServer

    pages = {"Paris": ("Capital city of France", "Paris is the capital of France.", "standard")}
    with WikiServer(pages) as wiki:
        with_config(f"background:\n  wikipedia: auto\n  base_url: {wiki.url}\n")
        app = ReaderApp(sources=[harbour])
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot)
            await wait_entities(pilot)
            for _ in range(300):
                await pilot.pause(0.02)
                if load_knowledge_base().get("paris") is not None:
                    break
            note = load_knowledge_base().get("paris")
            assert note is not None and note.source_url.endswith("/Paris")
            assert load_knowledge_base().get("quentin-vale") is None  # no page: nothing invented


async def test_editing_a_shipped_note_keeps_soft_wraps_and_dates_it_today():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        entity_list = await show_senkaku_note(pilot)
        shipped = load_knowledge_base().get("senkaku-islands")
        assert "\n" in shipped.background.split("\n\n")[0]  # the file wraps its paragraphs
        entity_list.focus()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("end", *" Edited.")
        await pilot.press("ctrl+s")
        await wait_note(pilot, "Edited.")
        note = load_knowledge_base().get("senkaku-islands")
        assert note.as_of == dt.date.today().isoformat() != shipped.as_of
        first = note.background.split("\n\n")[0]
        assert "\n" not in first and first == " ".join(shipped.background.split("\n\n")[0].split())


async def test_saving_a_note_keeps_the_sidebar_open_and_the_reading_place():
    """At 80 columns the sidebar opens over the article: a saved note chose its entity again
    as Enter does, going to its first mention, which closed the sidebar and moved the text."""
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        view = app.screen.column.view
        view.focus()
        await pilot.press("G")  # read to the end
        await pilot.pause()
        place = view.scroll_y
        assert place > 0
        await pilot.press("e")  # the sidebar, over the article
        entity_list = await wait_entities(pilot)
        assert app.screen.pane_shown("sidebar")
        assert app.focused is entity_list
        await pilot.press("j")  # the panel follows the cursor (once it rests), the article stays where it is
        sidebar = app.screen.sidebar
        for _ in range(100):
            await pilot.pause(0.02)
            if sidebar.selected is not None and sidebar.selected is entity_list.entity_at_cursor():
                break
        chosen = sidebar.selected.key
        assert view.scroll_y == place
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor), app.screen
        await pilot.press(*" Edited.")
        await pilot.press("ctrl+s")
        await wait_note(pilot, "Edited.")
        await pilot.pause(0.3)
        assert app.screen.pane_shown("sidebar") and app.screen.sidebar.selected.key == chosen
        assert view.scroll_y == place


async def test_opening_a_story_never_waits_for_the_background(harbour, monkeypatch):
    import threading

    release, finished = threading.Event(), threading.Event()

    def slow_dossier(*args, **kwargs):
        release.wait(10)
        finished.set()
        return None

    monkeypatch.setattr("reader.search.dossier.dossier_of", slow_dossier)
    app = ReaderApp(sources=[harbour])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        await wait_index_ready(pilot)
        entity_list.select_key("quentin-vale")  # its dossier is now stuck
        await pilot.pause(0.1)
        await pilot.press("right_square_bracket")  # the next story opens at once all the same
        for _ in range(100):
            await pilot.pause(0.02)
            if app.screen.column.article.id != "c":
                break
        assert app.screen.column.article.id != "c" and not app.screen.column.view.loading
        assert not finished.is_set()  # shown while the dossier was still being gathered
        release.set()


async def test_the_panel_follows_the_cursor_in_the_entity_list_without_moving_the_article():
    app = ReaderApp()  # the sample story: many entities, and a long text
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        sidebar, view = app.screen.sidebar, app.screen.column.view
        assert sidebar.selected is None
        first, second = entity_list.entities_in_order()[:2]
        entity_list.focus()  # it comes in on the first entity: shown once the cursor rests there
        await until(pilot, lambda: sidebar.selected is first, "the entity the focus came in on shown")
        assert entity_list.entity_at_cursor() is first and view.scroll_y == 0  # chosen, the article stays
        await pilot.press("j")  # shown: j moves on
        assert entity_list.entity_at_cursor() is second
        under = max(entity_list.entities, key=lambda info: info.first)  # first named furthest down
        assert view.line_of_offset(under.first) >= view.size.height
        for _ in entity_list.entities:
            if entity_list.entity_at_cursor() is under:
                break
            await pilot.press("j")
        shown = await wait_panel(pilot, under.name)
        assert sidebar.selected is under and view.scroll_y == 0 and "mention" in shown  # chosen, no jump
        await pilot.press("m")  # m goes to the first mention, as Enter would have
        await pilot.pause(0.2)
        assert sidebar.mention_index == 0
        assert view.scroll_y <= view.line_of_offset(under.first) < view.scroll_y + view.size.height
        view.scroll_to(y=0, animate=False)
        entity_list.focus()
        await pilot.press("enter")  # Enter goes there too
        await pilot.pause(0.2)
        assert view.scroll_y <= view.line_of_offset(under.first) < view.scroll_y + view.size.height


async def test_backgrounds_are_gathered_one_at_a_time(harbour, monkeypatch):
    """``j`` held down in the entities started a thread per entity, all reading the index's
    open files at once: "Could not gather the background: unpack requires a buffer of 4 bytes"
    (a new user's pass). They take turns now, and one overtaken while it waits does nothing."""
    import threading
    import time

    import reader.about

    running, most, calls = [0], [0], []
    lock = threading.Lock()
    real = reader.about.background_for

    def counted(entity, *args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
            calls.append(entity.key)
        time.sleep(0.05)
        try:
            return real(entity, *args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(reader.about, "background_for", counted)
    app = ReaderApp(sources=[harbour])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await wait_index_ready(pilot)
        await wait_entities(pilot)
        sidebar = app.screen.sidebar
        for entity in sidebar.entities * 4:  # as fast as a held key (each in a turn of the loop, so its thread starts)
            sidebar.select(entity)
            await pilot.pause(0.01)
        last = sidebar.entities[-1]
        await until(pilot, lambda: (app.query_one(NotePanel).context is not None
                                    and app.query_one(NotePanel).context.entity.key == last.key),
                    "the last entity's background", tries=400)
    assert most[0] == 1
    assert len(calls) < len(sidebar.entities) * 4  # those overtaken while waiting were not gathered


@pytest.mark.parametrize("key", ["w", "F", "m"])
async def test_keys_that_need_an_entity_say_when_the_story_names_none(tmp_path, key):
    """After ``w`` in a story whose list says "No entities", the notice said to choose one in
    the entity list (a new user's pass): it says the story names none."""
    library = tmp_path / "library"
    library.mkdir()
    story(library, "a.txt", "quiet", "2021-03-02", "nothing here is named at all, all in lower case.")
    app = ReaderApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await until(pilot, lambda: not app.screen.sidebar.query_one("#entities").waiting
                    and app.screen.sidebar.article is not None, "the entities looked for")
        told = []
        for widget in (app, app.screen, app.screen.sidebar):
            widget.notify = lambda message, **kwargs: told.append(message)
        app.screen.column.view.focus()
        await pilot.press(key)
        await pilot.pause()
        assert any("This story names no person, place or organisation" in m for m in told), told
