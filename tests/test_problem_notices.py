"""Files the library cannot use are reported in one notice at start, not one each."""

from __future__ import annotations

from tests.test_app import SIZE
from tests.test_feeds_ui import no_refresh_at_start, settle
from tests.test_link_keys import NotedApp


async def test_many_bad_files_make_one_notice_with_the_count_and_the_first(tmp_path):
    no_refresh_at_start()
    library = tmp_path / "lib"
    library.mkdir()
    (library / "good.txt").write_text("A good story\n\nIt reads well.\n")
    for n in range(7):
        (library / f"empty{n}.md").write_text("")
    app = NotedApp(sources=[library])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: any("problems" in said for said in app.said), "the notice")
        notices = [said for said in app.said if "empty" in said]
        assert len(notices) == 1, app.said
        assert notices[0].startswith("7 problems reading the library ('reader list' prints them all), the first: ")
        assert "empty file; skipped" in notices[0] and "`" not in notices[0]


async def test_one_bad_file_is_named_in_its_notice(tmp_path):
    no_refresh_at_start()
    library = tmp_path / "lib"
    library.mkdir()
    (library / "good.txt").write_text("A good story\n\nIt reads well.\n")
    (library / "empty.md").write_text("")
    app = NotedApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: any("empty.md" in said for said in app.said), "the notice")
        assert [said for said in app.said if "empty" in said] == [next(s for s in app.said if "empty.md" in s)]
        assert "problems reading" not in " ".join(app.said)
