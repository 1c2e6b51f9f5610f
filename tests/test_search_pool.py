"""The term-grouped posting pool gives Whoosh exactly what its own pool gives, spilled to
disk or not, and an index written with it holds the same postings."""

from __future__ import annotations

import pickle
import random

import pytest
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.multiproc import MpWriter
from whoosh.writing import PostingPool

from reader.search.pool import TermPoolMpWriter, TermPoolTask, TermPostingPool, use_term_pool
from reader.search.schema import make_codec, make_schema


def postings(count: int, seed: int = 7) -> list[tuple]:
    """Postings as ``add_document`` makes them: document by document, each term once per
    field, some values None."""
    rng = random.Random(seed)
    words = [f"w{n}".encode() for n in range(300)]
    items = []
    for docnum in range(count):
        for field in ("body", "entity", "title"):
            for term in rng.sample(words, rng.randint(1, 25)):
                value = None if field == "entity" else bytes(rng.randrange(256) for _ in range(rng.randint(0, 9)))
                items.append((field, term, docnum, rng.choice((1.0, 0.5, 2.25, rng.random())), value))
    return items


def whoosh_order(items, storage) -> list[tuple]:
    pool = PostingPool(storage, None, limitmb=1)
    for item in items:
        pool.add(item)
    return list(pool.iter_postings())


@pytest.mark.parametrize("limitmb", [64, 0.02], ids=["in memory", "spilled to runs"])
def test_the_pool_gives_postings_in_whooshs_order(tmp_path, limitmb):
    storage = FileStorage(str(tmp_path)).create()
    items = postings(400)
    pool = TermPostingPool(storage, limitmb)
    for item in items:
        pool.add(item)
    spilled = len(pool.runs)
    got = list(pool.iter_postings())
    assert got == whoosh_order(items, storage) == sorted(items, key=lambda item: item[:3])
    assert (spilled > 2) == (limitmb < 1)
    assert not [name for name in storage.list() if name.endswith(".termrun")]  # runs are deleted once read


def test_postings_added_out_of_document_order_come_out_in_order(tmp_path):
    storage = FileStorage(str(tmp_path)).create()
    items = [("body", b"harbour", 9, 1.0, b"\x01"), ("body", b"harbour", 2, 0.5, None),
             ("body", b"island", 4, 1.0, b""), ("body", b"harbour", 5, 1.0, b"\x02\x03")]
    for limitmb in (64, 0.00001):  # each posting in a run of its own, then merged
        pool = TermPostingPool(storage, limitmb)
        for item in items:
            pool.add(item)
        assert list(pool.iter_postings()) == sorted(items, key=lambda item: item[:3])


def test_cleanup_deletes_the_runs_of_a_cancelled_writer(tmp_path):
    storage = FileStorage(str(tmp_path)).create()
    pool = TermPostingPool(storage, 0.001)
    for item in postings(50):
        pool.add(item)
    assert [name for name in storage.list() if name.endswith(".termrun")]
    pool.cleanup()
    assert not [name for name in storage.list() if name.endswith(".termrun")]
    assert list(pool.iter_postings()) == []


def documents(count: int) -> list[dict]:
    rng = random.Random(3)
    words = "harbour island treaty coast guard ship minister talks vote storm trade port".split()
    return [{"id": f"story-{n}", "title": " ".join(rng.sample(words, 3)),
             "body": (" ".join(rng.sample(words, 2)), " ".join(rng.choices(words, k=rng.randint(5, 80)))),
             "entity": ",".join(rng.sample(["hua_chunying", "taiwan", "japan", "senkaku_islands"], 2)),
             "body_text": "text"} for n in range(count)]


def index_postings(directory) -> set[tuple]:
    """Every posting of an index, with the story's id in place of its document number."""
    ix = whoosh_index.open_dir(str(directory), indexname="MAIN")
    with ix.reader() as reader:
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        found = {(field, text, ids[docnum], weight, value) for field, text, docnum, weight, value in
                 ((p[0], p[1], p[2], p[3], p[4]) for p in reader.iter_postings())}
    ix.close()
    return found


def build(directory, docs, make_writer) -> set[tuple]:
    directory.mkdir()
    ix = whoosh_index.create_in(str(directory), make_schema(), indexname="MAIN")
    writer = make_writer(ix)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    ix.close()
    return index_postings(directory)


def test_an_index_written_through_the_pool_holds_whooshs_postings(tmp_path):
    docs = documents(300)
    stock = build(tmp_path / "stock", docs, lambda ix: ix.writer(codec=make_codec(), compound=False))

    def ours(ix):
        writer = ix.writer(codec=make_codec(), compound=False)
        use_term_pool(writer, 0.01)  # spills many runs
        assert isinstance(writer.pool, TermPostingPool)
        return writer

    assert build(tmp_path / "ours", docs, ours) == stock
    assert len(stock) > 3000


def test_a_parallel_writer_through_the_pool_holds_whooshs_postings(tmp_path):
    docs = documents(400)
    options = {"procs": 2, "multisegment": True, "batchsize": 50, "codec": make_codec(), "compound": False}
    stock = build(tmp_path / "stock", docs, lambda ix: MpWriter(ix, limitmb=32, **options))
    ours = build(tmp_path / "ours", docs, lambda ix: TermPoolMpWriter(ix, limitmb=0.01, **options))
    assert ours == stock
    ix = whoosh_index.open_dir(str(tmp_path / "ours"), indexname="MAIN")
    with ix.reader() as reader:
        assert reader.doc_count() == 400 and len(reader.leaf_readers()) == 2  # one segment per writer process
    ix.close()


def test_the_writer_processes_of_a_parallel_build_use_the_pool(tmp_path, monkeypatch):
    tmp_path.joinpath("ix").mkdir()
    ix = whoosh_index.create_in(str(tmp_path / "ix"), make_schema(), indexname="MAIN")
    monkeypatch.setattr(TermPoolTask, "start", lambda self: None)  # its work is run here, below
    writer = TermPoolMpWriter(ix, procs=2, multisegment=True, limitmb=0.01, codec=make_codec(), compound=False)
    task = writer._new_task()  # noqa: SLF001 - the process MpWriter starts for each job file
    assert isinstance(task, TermPoolTask) and writer.tasks == [task]
    writer.cancel()
    # What the process does with a job file (Whoosh pickles ``(0, fields)`` per story):
    task.writer = ix.writer(codec=make_codec(), compound=False)
    with task.writer.temp_storage().create_file("job.doclist").raw_file() as job:
        for doc in documents(30):
            pickle.dump((0, doc), job, 2)
    task._process_file("job.doclist", 30)  # noqa: SLF001
    assert isinstance(task.writer.pool, TermPostingPool) and task.writer.pool.runs  # spilled through the pool
    task.writer.commit()
    with ix.reader() as reader:
        assert reader.doc_count() == 30
    ix.close()


def test_the_parallel_writer_refuses_to_merge_its_processes_runs(tmp_path):
    tmp_path.joinpath("ix").mkdir()
    ix = whoosh_index.create_in(str(tmp_path / "ix"), make_schema(), indexname="MAIN")
    with pytest.raises(ValueError, match="multisegment=True"):
        TermPoolMpWriter(ix, procs=2, codec=make_codec())
    ix.close()
