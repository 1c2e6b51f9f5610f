"""Writing one batch of stories into the index in one commit (``LibraryIndex.update``'s
loop calls it per batch).

A big batch (``BIG_BATCH`` stories or more) on a machine with ``procs`` processes uses
Whoosh's multi-process writer, and the stories are read, parsed and recognised in a pool of
``procs`` processes too; a small one is written by this process alone. Every writer, and
each process of a parallel one, gathers its postings in a ``TermPostingPool``
(``reader.search.pool``). Whoosh writers are
always closed in ``finally`` (a writer that died with an exception otherwise keeps its
lock), and a cancelled parallel writer's processes are ended.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.writing import LockError

from reader.loaders import load_file
from reader.search.documents import EntityKeys, article_document, file_hash
from reader.search.schema import make_codec
from reader.search.writers import SAVED_SHARE, SavingProgress, writer_limit_mb

INDEX_NAME = "MAIN"
BIG_BATCH = 2000  # at least this many documents: parallel writer, then merge to one segment
PREPARE_IN_POOL = True  # parallel builds also read and parse the files in `procs` processes

_PREPARE_KEYS: EntityKeys | None = None


def _prepare(item, entity_keys: EntityKeys | None = None):
    """Read, hash and parse one file into Whoosh documents (in a worker process or not).

    Returns ``(key, stat, digest, documents, problems)``; ``digest`` is ``None`` when the
    file cannot be read.
    """
    key, path, root, st, digest = item
    keys = entity_keys if entity_keys is not None else _PREPARE_KEYS
    try:
        if digest is None:
            digest = file_hash(path.read_bytes())
        loaded = load_file(path, root)
    except OSError as error:
        return key, st, None, [], [f"{path}: cannot be read: {error.strerror or error}"]
    problems = [str(p) for p in loaded.problems if p.skipped]
    articles = [a for a in [loaded.article, *getattr(loaded, "more", [])] if a is not None]
    return key, st, digest, [article_document(a, keys) for a in articles], problems


def write_batch(directory: Path, entity_keys: EntityKeys | None, batch, deletes, existing_ids, indexed_ids, result,
                progress, should_stop, procs, done, total, old) -> dict[str, list] | None:
    """Index one batch in one commit; ``None`` when busy or cancelled (nothing committed)."""
    import multiprocessing  # noqa: PLC0415 - only a build needs it

    from reader.search.pool import TermPoolMpWriter, use_term_pool  # noqa: PLC0415 - nor Whoosh's multiproc

    big = len(batch) >= BIG_BATCH
    ix = whoosh_index.open_dir(str(directory), indexname=INDEX_NAME)
    writer = None
    children = set(multiprocessing.active_children())
    try:
        try:
            if big and procs > 1:
                writer = TermPoolMpWriter(ix, procs=procs, multisegment=True, limitmb=writer_limit_mb(procs),
                                          compound=False, codec=make_codec())
            else:
                writer = ix.writer(timeout=5.0, compound=False, codec=make_codec())
                use_term_pool(writer, writer_limit_mb(1))
        except LockError:
            result.busy = True
            return None
        for article_id in deletes:
            writer.delete_by_term("id", article_id)
        entries: dict[str, list] = {}
        added = changed = 0
        pool = None
        if big and procs > 1 and PREPARE_IN_POOL:
            # Reading, parsing and recognising entities in `procs` processes too, so the
            # parent only hands documents to Whoosh's writer processes.
            global _PREPARE_KEYS
            _PREPARE_KEYS = entity_keys
            pool = multiprocessing.get_context("fork").Pool(procs)
            prepared = pool.imap(_prepare, batch, chunksize=8)
        else:
            prepared = (_prepare(item, entity_keys) for item in batch)
        try:
            for n, (key, st, digest, articles, problems) in enumerate(prepared, 1):
                if should_stop():
                    result.cancelled = True
                    return None
                if n % 50 == 0:
                    progress(done + n, total, "indexing")
                result.problems.extend(problems)
                if digest is None:
                    continue  # unreadable
                previous = old.get(key)
                new_ids = {doc["id"] for doc in articles}
                for gone in (previous[0] if previous is not None else []):
                    if gone not in new_ids:
                        writer.delete_by_term("id", gone)
                        result.removed += 1
                file_ids = []
                for document in articles:
                    article_id = document["id"]
                    if article_id in indexed_ids:
                        result.problems.append(f"{key}: another article already has the id {article_id!r}; skipped")
                        continue
                    indexed_ids.add(article_id)
                    if article_id in existing_ids:
                        writer.update_document(**document)
                        changed += 1
                    else:
                        writer.add_document(**document)
                        added += 1
                    file_ids.append(article_id)
                if articles:
                    entries[key] = [file_ids, st.st_size, st.st_mtime_ns, digest]
        finally:
            if pool is not None:
                pool.terminate()
        progress(done + len(batch), total, "saving the index")
        w, writer = writer, None
        # No optimize(): merging the two segments of a parallel build cost as much
        # as the build and made no query kind faster here (see bench/).
        expected = SAVED_SHARE * sum(item[3].st_size for item in batch)
        with SavingProgress(directory, expected, lambda share: progress(
                round(total * share), total, "saving the index")) if big else nullcontext():
            w.commit()
        result.added += added
        result.changed += changed
        return entries
    finally:
        if writer is not None:
            try:
                writer.cancel()
            except Exception:  # noqa: BLE001
                pass
            # A cancelled parallel writer leaves its processes waiting for work (and
            # this process waiting for them at exit): end them.
            for child in set(multiprocessing.active_children()) - children:
                child.terminate()
                child.join(timeout=5)
        ix.close()
