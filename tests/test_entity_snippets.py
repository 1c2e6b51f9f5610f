"""A hit found by ``entity:`` shows the mention in its snippet, not the story's start."""

from __future__ import annotations

from reader.core import open_library
from reader.search import search
from search_support import write_story


def test_an_entity_query_snippet_shows_the_mention(tmp_path):
    lead = "The weather stayed calm along the quiet coast for many days. " * 8
    write_story(tmp_path / "lib", "talks", "Talks resume", lead + "Then Hua Chunying spoke in Beijing.")
    library = open_library([tmp_path / "lib"])
    index = library.open_index()
    try:
        index.update(library.sources)
        results = search(index, 'entity:"Hua Chunying"')
    finally:
        index.close()
    assert [hit.id for hit in results.hits] == ["talks"]
    hit = results.hits[0]
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["Hua Chunying"]
    assert hit.snippet.startswith("…")  # the window around the mention
