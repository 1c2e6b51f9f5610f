"""The postings a writer gathers before it saves them, grouped by term.

Whoosh's ``PostingPool`` keeps each posting as a tuple of five Python objects (about
170 bytes), sorts all of them when the segment is saved, and past its memory limit
writes them to disk one ``marshal`` call per posting and merges them back. On a build
of thousands of stories that spilling took about 40% of the writer's time.

``TermPostingPool`` keeps one byte buffer per term instead: 16 bytes and the value's
bytes per posting, a few hundred bytes per term. Postings arrive in document order
(``add_document`` numbers documents as it goes; ``add_reader`` copies a segment's
postings term by term in document order, after this writer's own), so saving only
sorts the terms. Past its limit it writes one ``marshal`` record per term, and
saving merges those runs term by term. Any posting that arrives out of document order
is sorted back into order when saved.

Whoosh 2.7's ``SegmentWriter`` takes a ``poolclass`` argument but ignores it, so
``use_term_pool`` sets a new writer's ``pool`` before anything is added, and
``TermPoolMpWriter`` does the same in the writer processes of a parallel build.
Those two read what Whoosh's classes do not document (``SubWriterTask.writer``,
``kwargs``, ``_process_file``; ``MpWriter._new_task`` and its queues); both
``whoosh`` 2.7.4 and ``whoosh-reloaded`` 2.7.5 have them.
"""

from __future__ import annotations

import heapq
import marshal
import os
import struct
from itertools import groupby

from whoosh.multiproc import MpWriter, SubWriterTask

_POSTING = struct.Struct("<IdI")  # document number, weight, the value's length
_NO_VALUE = 0xFFFFFFFF  # the length that stands for a value of None
TERM_BYTES = 240  # what a new term costs besides its postings: dict slot, key, buffer
DEFAULT_LIMIT_MB = 128


class TermPostingPool:
    """A drop-in for Whoosh's ``PostingPool`` (``add``, ``iter_postings``, ``cleanup``,
    ``fieldnames``), with the postings of each term in one buffer."""

    def __init__(self, tempstore, limitmb: float = DEFAULT_LIMIT_MB) -> None:
        self.tempstore = tempstore
        self.limit = int(limitmb * 2**20)
        self.size = 0  # bytes held, as counted by ``add``
        self.fieldnames: set[str] = set()
        self.runs: list[str] = []
        self._terms: dict[tuple[str, bytes], bytearray] = {}

    def add(self, item) -> None:
        """Add ``(fieldname, term bytes, document number, weight, value bytes or None)``."""
        fieldname, text, docnum, weight, value = item
        key = (fieldname, text)
        buffer = self._terms.get(key)
        if buffer is None:
            buffer = self._terms[key] = bytearray()
            self.fieldnames.add(fieldname)
            self.size += TERM_BYTES + len(text)
        if value is None:
            buffer += _POSTING.pack(docnum, weight, _NO_VALUE)
            self.size += _POSTING.size
        else:
            buffer += _POSTING.pack(docnum, weight, len(value))
            buffer += value
            self.size += _POSTING.size + len(value)
        if self.size > self.limit:
            self.save()

    def save(self) -> None:
        """Write the terms held to a run on disk, in term order, and let them go."""
        if not self._terms:
            return
        name = f"{os.urandom(12).hex()}.termrun"
        terms = self._terms
        with self.tempstore.create_file(name).raw_file() as run:
            for key in sorted(terms):
                marshal.dump((key, terms[key]), run)
        self.runs.append(name)
        self._terms = {}
        self.size = 0

    def iter_postings(self):
        """Every posting as ``(fieldname, term bytes, document number, weight, value)``,
        in the order Whoosh's pool gives them: by field, term, then document."""
        if self.runs:
            self.save()
            runs, self.runs = self.runs, []
            terms = ((key, [buffer for _, _, buffer in group])
                     for key, group in groupby(heapq.merge(*(self._read_run(name, n) for n, name in enumerate(runs))),
                                               key=lambda record: record[0]))
        else:
            held, self._terms, self.size = self._terms, {}, 0
            terms = ((key, [held.pop(key)]) for key in sorted(held))
        for (fieldname, text), buffers in terms:
            for docnum, weight, value in _postings(buffers):
                yield fieldname, text, docnum, weight, value

    def _read_run(self, name: str, number: int):
        """The ``(key, run number, buffer)`` records of one run, then the run is deleted."""
        try:
            with self.tempstore.open_file(name).raw_file() as run:
                while True:
                    try:
                        key, buffer = marshal.load(run)
                    except EOFError:
                        return
                    yield key, number, buffer
        finally:
            self._delete(name)

    def cleanup(self) -> None:
        """Forget everything held and delete the runs on disk."""
        for name in self.runs:
            self._delete(name)
        self.runs = []
        self._terms = {}
        self.size = 0

    def _delete(self, name: str) -> None:
        try:
            self.tempstore.delete_file(name)
        except OSError:
            pass


def _postings(buffers) -> list[tuple[int, float, bytes | None]]:
    """The postings packed in a term's buffers, in document order."""
    postings = []
    unpack = _POSTING.unpack_from
    step = _POSTING.size
    ordered = True
    last = -1
    for buffer in buffers:
        at, end = 0, len(buffer)
        while at < end:
            docnum, weight, length = unpack(buffer, at)
            at += step
            if length == _NO_VALUE:
                value = None
            else:
                value = bytes(buffer[at:at + length])
                at += length
            if docnum < last:
                ordered = False
            last = docnum
            postings.append((docnum, weight, value))
    if not ordered:
        postings.sort(key=lambda posting: posting[0])
    return postings


def use_term_pool(writer, limitmb: float | None = None) -> None:
    """Give a Whoosh ``SegmentWriter`` (or ``MpWriter``) a ``TermPostingPool``, before any
    document is added to it."""
    if not isinstance(writer.pool, TermPostingPool):
        limit = writer.pool.limit / 2**20 if limitmb is None else limitmb
        writer.pool = TermPostingPool(writer.temp_storage(), limit)


class TermPoolTask(SubWriterTask):
    """A writer process of ``TermPoolMpWriter``: Whoosh's, with a ``TermPostingPool``."""

    def _process_file(self, filename, doc_count):
        use_term_pool(self.writer, self.kwargs.get("limitmb", DEFAULT_LIMIT_MB))
        super()._process_file(filename, doc_count)


class TermPoolMpWriter(MpWriter):
    """Whoosh's multi-process writer whose processes, and itself, use ``TermPostingPool``."""

    def __init__(self, ix, procs=None, **kwargs) -> None:
        if not kwargs.get("multisegment"):
            # Merging the processes' runs into one segment reads Whoosh's own run files.
            raise ValueError("TermPoolMpWriter writes one segment per process: pass multisegment=True")
        super().__init__(ix, procs=procs, **kwargs)
        use_term_pool(self, kwargs.get("limitmb", DEFAULT_LIMIT_MB))

    def _new_task(self):
        task = TermPoolTask(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                            self.multisegment)
        self.tasks.append(task)
        task.start()
        return task
