"""Coverage of the background panel on a real library: gum-news, gum-more, the saved pages
and the feeds of ../shared/data, imported with ``reader add`` and indexed as the app does.

    python bench/bench_background.py [--shared DIR]

For every distinct entity (by key, at its first story in library order) it gathers what
the sidebar shows (``reader.about.background_for``: note, place facts, the story's roles,
the dossier) and reports:

- coverage: the share whose panel shows more than the bare introducing sentence;
- places with facts: of the PLACE entities whose name the gazetteer lists;
- people with a role: of the PERSON entities, a role from the story or the library (or,
  with Wikipedia on, the saved page's description).

Then the same with Wikipedia on (``auto``: only clear matches are taken) against a local
test server (127.0.0.1) that serves, in the REST APIs' formats, a page for each Wikipedia
identity GUM's gold annotations give, plus a namesake page for every third person (so
that some look-ups are ambiguous, as on the real site). The gold identities also say how
many saved pages were the right ones. Results go to bench/results/background.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def import_library(shared: Path) -> None:
    from reader.cli import main

    sets = [shared / "data" / name for name in ("gum-news", "gum-more", "html", "feeds")]
    main(["add", *[str(s) for s in sets if s.exists()]])
    main(["index"])


class Gold:
    """GUM's gold entities, found for an imported story by its text (``reader add`` names
    the files anew, and a story's offsets may shift by its title line)."""

    def __init__(self, shared: Path) -> None:
        self.texts: list[tuple[str, list[dict], str]] = []
        for name in ("gum-news", "gum-more"):
            folder = shared / "data" / name
            for line in (folder / "gold.jsonl").read_text().splitlines():
                record = json.loads(line)
                self.texts.append(((folder / record["doc"]).read_text(), record["entities"], name))
        self.pages: list[str] = []
        from reader.loaders import load_file

        for page in sorted((shared / "data" / "html").glob("*/*.htm*")):
            loaded = load_file(page, None)
            article = getattr(loaded, "article", None)
            if article is not None and article.body.strip():
                self.pages.append(article.body.strip()[:160])

    def entities(self, article) -> list[dict] | None:
        probe = article.body.strip()[:160]
        return next((entities for text, entities, _ in self.texts if probe and probe in text), None)

    def set_of(self, article) -> str:
        """The shared set a story was imported from: gum-news, gum-more, html or feeds."""
        probe = article.body.strip()[:160]
        found = next((name for text, _, name in self.texts if probe and probe in text), None)
        return found or ("html" if probe in self.pages else "feeds")

    def at(self, article, info) -> dict | None:
        """The gold entity whose words are those of the entity's first mention ({} when
        the recogniser's span differs from every gold span; None outside GUM)."""
        golds = self.entities(article)
        if golds is None:
            return None
        start, end = info.mentions[0]
        said = article.body[start:end]
        return next((g for g in golds if g["text"] == said), {})  # the same words: the same entity


def entities_of_library():
    """(article, entity, story roles) at each entity's first story, and every story's entities."""
    from reader.core import open_library
    from reader.entities import service
    from reader.entities.summary import story_roles, summarise
    from reader.loaders import load_file

    library = open_library()
    catalog = library.catalog()
    recognizer = service.get_recognizer()
    first: dict[str, tuple] = {}
    for entry in catalog.entries:
        loaded = load_file(Path(entry.path), None) if entry.path else None
        articles = [a for a in [getattr(loaded, "article", None), *getattr(loaded, "more", [])] if a is not None]
        article = next((a for a in articles if a.id == entry.id), articles[0] if articles else None)
        if article is None:
            continue
        infos = summarise(article.body, recognizer.recognise(article.body), recognizer.kb, article.title,
                          recognizer.knowledge.given_names)
        roles = story_roles(article.body, infos)
        for info in infos:
            if info.key not in first:
                first[info.key] = (article, info, roles, infos)
    return library, first


SETS = ("gum-news", "gum-more", "html", "feeds")


def measure(library, first, gazetteer: set[str], gold: Gold, rows: list | None = None) -> dict:
    """The bars over all stories and per shared set; ``rows`` (when given) gets one record
    per entity, for looking at what is missed."""
    from reader.about import background_for
    from reader.entities import service

    kb = service.get_recognizer().kb
    index = library.open_index()
    counts = {name: Counter() for name in ("all", *SETS)}
    try:
        for article, info, roles, infos in first.values():
            context = background_for(info, kb, article=article, roles=roles, story_entities=infos, index=index)
            confirmed = gold.at(article, info) or {}
            found = {"entities": 1, "covered": context.beyond_sentence}
            if confirmed.get("type") == info.type:  # a real entity of that kind, by GUM's annotations
                found.update(gold_entities=1, gold_covered=context.beyond_sentence)
            if info.type == "PLACE" and info.name.casefold() in gazetteer:
                found.update(places=1, places_with_facts=context.facts is not None)
            has_role = None
            if info.type == "PERSON":
                has_role = bool((context.story and context.story.roles) or (context.dossier and context.dossier.roles)
                                or (context.note and context.note.summary))
                found.update(people=1, people_with_role=has_role)
                if confirmed.get("type") == "PERSON":
                    found.update(gold_people=1, gold_people_with_role=has_role)
            for name in ("all", gold.set_of(article)):
                counts[name].update({k: int(v) for k, v in found.items()})
            if rows is not None:
                rows.append({"set": gold.set_of(article), "story": article.title, "source": article.source or "",
                             "name": info.name, "type": info.type,
                             "gold": confirmed.get("type") if confirmed else (None if confirmed is None else ""),
                             "covered": context.beyond_sentence, "role": has_role,
                             "roles": context.story.roles if context.story else [],
                             "facts": [context.facts.kind, *(f"{k}: {v}" for k, v in context.facts.lines)] if context.facts else None,
                             "stories": context.dossier.count if context.dossier else 0,
                             "sentence": context.story.sentence if context.story else ""})
    finally:
        index.close()
    return {name: _shares(c) for name, c in counts.items()}


def _shares(counts: Counter) -> dict:
    def share(part: str, whole: str) -> float | None:
        return round(counts[part] / counts[whole], 4) if counts[whole] else None

    return {"entities": counts["entities"], "coverage": share("covered", "entities"),
            "gum_entities_confirmed_by_gold": counts["gold_entities"],
            "of_them_covered": share("gold_covered", "gold_entities"),
            "places_in_gazetteer": counts["places"], "places_with_facts": share("places_with_facts", "places"),
            "people": counts["people"], "people_with_role": share("people_with_role", "people"),
            "gum_people_confirmed_by_gold": counts["gold_people"],
            "of_them_with_role": share("gold_people_with_role", "gold_people")}


def wiki_pages(gold: Gold) -> dict[str, tuple[str, str, str]]:
    kinds = {"PERSON": "person (1900–1980)", "PLACE": "town and region", "ORG": "organisation",
             "EVENT": "event (a battle, election or festival)"}
    pages: dict[str, tuple[str, str, str]] = {}
    people = 0
    for _, entities, _ in gold.texts:
        for entity in entities:
            title = (entity.get("wikipedia") or "").replace("_", " ")
            if not title or title in pages:
                continue
            description = kinds.get(entity["type"], "topic")
            pages[title] = (description, f"{title} is the {description} this page is about.", "standard")
            if entity["type"] == "PERSON":
                people += 1
                if people % 3 == 0:
                    pages[f"{title} (footballer)"] = ("footballer (born 1990)", f"{title} plays football.", "standard")
    return pages


def with_wikipedia(library, first, gold, pages) -> dict:
    from reader.entities import service
    from reader.wikipedia import WikipediaClient, look_up
    from tests.wiki_server import WikiServer

    from reader.entities.notes import save_user_notes

    right = wrong = saved = 0
    notes = []
    with WikiServer(pages) as server, WikipediaClient(base_url=server.url, rate=200) as client:
        for article, info, _, _ in first.values():
            if info.note is not None or info.type == "OTHER":
                continue
            result = look_up(client, info.key, info.name, info.type, article.body, ask=False, save=False)
            if result.note is None:
                continue
            notes.append(result.note)  # saved together below, as the app saves each one
            saved += 1
            expected = (gold.at(article, info) or {}).get("wikipedia")
            if expected:
                chosen = result.note.source_url.rsplit("/wiki/", 1)[-1]
                right += chosen == expected
                wrong += chosen != expected
        requests = len(server.requests)
    save_user_notes(notes)
    service.reload_knowledge_base()
    return {"pages_saved": saved, "right_by_gold": right, "wrong_by_gold": wrong, "requests": requests}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--rows", type=Path, help="write one JSON line per entity (offline) to this file")
    parser.add_argument("--offline", action="store_true", help="skip the Wikipedia half")
    args = parser.parse_args()
    shared = args.shared if (args.shared / "data").exists() else Path("/work/shared")
    home = os.environ.get("BENCH_HOME") or tempfile.mkdtemp(prefix="reader-bench-background-")
    os.environ["READER_HOME"] = home
    started = time.perf_counter()
    for leftover in (Path(home) / "config" / "notes" / "my-notes.yaml", Path(home) / "data" / "wikipedia-choices.json"):
        leftover.unlink(missing_ok=True)  # notes saved by the Wikipedia half of an earlier run
    if not (Path(home) / "data" / "library").exists():
        import_library(shared)
    else:
        from reader.cli import main as reader_main

        reader_main(["index", "--rebuild"])  # what is gathered at index time may have changed
    from reader.entities.gazetteer import load_gazetteer

    gazetteer = {name.casefold() for name in load_gazetteer()}
    library, first = entities_of_library()
    gold = Gold(shared)
    rows: list[dict] = []
    offline = measure(library, first, gazetteer, gold, rows)
    if args.rows:
        args.rows.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    stories = Counter(gold.set_of(article) for article in {id(v[0]): v[0] for v in first.values()}.values())
    results = {"offline": offline, "stories_with_entities": dict(stories)}
    if not args.offline:
        wiki = with_wikipedia(library, first, gold, wiki_pages(gold))
        library, first = entities_of_library()
        online = measure(library, first, gazetteer, gold)
        online["all"].update(wiki)
        results["wikipedia_on_test_server"] = online
    results["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(results, indent=1))
    if args.offline:
        return  # a partial run does not replace the results file
    out = HERE / "results" / "background.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
