"""tantivy (tantivy-py), the comparison in the benchmarks: the same articles, read through
reader's loader, in a tantivy index with ``en_stem`` title and body; queries of each kind
with snippets. Bench-only (``pip install -e '.[bench]'``): reader never imports it.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

FIELDS = ["title", "body"]


def available() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


def schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    return builder.build()


def build(articles, directory: Path, threads: int = 1, heap_mb: int = 200) -> float:
    """Index ``articles`` (an iterable of ``Article``, loaded as they come); seconds."""
    import tantivy

    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    started = time.perf_counter()
    index = tantivy.Index(schema(), path=str(directory))
    writer = index.writer(heap_size=heap_mb * 2**20, num_threads=threads)
    for article in articles:
        writer.add_document(tantivy.Document(id=article.id, title=article.title, body=article.body))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - started


class Searcher:
    """Runs the benchmark's query texts the way a person means them."""

    def __init__(self, directory: Path) -> None:
        import tantivy

        self.tantivy = tantivy
        self.index = tantivy.Index.open(str(directory))
        self.index.reload()
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def query(self, text: str):
        t = self.tantivy
        if text.endswith("*") and " " not in text:  # a prefix of an index word (a stem)
            stem = text[:-1].lower()
            return t.Query.boolean_query([(t.Occur.Should, t.Query.regex_query(self.schema, f, f"{stem}.*"))
                                          for f in FIELDS])
        if text.endswith("~") and " " not in text:  # one edit, as reader's fuzzy~
            word = text[:-1].lower()
            return t.Query.boolean_query([(t.Occur.Should, t.Query.fuzzy_term_query(self.schema, f, word, 1, True))
                                          for f in FIELDS])
        return self.index.parse_query(text, FIELDS)

    def search(self, text: str, limit: int = 10, count: bool = False):
        """Top ``limit`` hits with a snippet each; the count when asked."""
        q = self.query(text)
        found = self.searcher.search(q, limit, count=count)
        generator = self.tantivy.SnippetGenerator.create(self.searcher, q, self.schema, "body")
        snippets = [generator.snippet_from_doc(self.searcher.doc(address)).fragment() for _, address in found.hits]
        return found.count, snippets


def index_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())
