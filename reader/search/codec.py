"""Whoosh's W3 codec with compact posting blocks.

Whoosh pickles each block of postings as a tuple of Python objects: a float of 9 bytes
per weight, and each posting's value (its positions) as a latin-1 string behind a
``_codecs.encode`` call, which doubles high bytes. Here a block is packed arrays:

- ids: the differences between document numbers, in 1, 2 or 4 bytes each;
- weights: none (all 1.0), one byte per posting when every weight is a multiple of
  ``1 / IMPACT_SCALE`` up to 2.55 (the quantised BM25 impacts of ``ImpactPositions``),
  two bytes for small whole numbers (frequencies), else 4-byte floats;
- values: their lengths (1, 2 or 4 bytes each) and their bytes, one after another.

The block header (length, count, last id, largest weight, ...) holds what Whoosh's
pickled one does, packed with ``struct``, so a block skipped by block-max costs one
small read; terms with one posting stay inlined in the term table
(Whoosh's ``inlinelimit``). Subclassing reads and sets attributes that Whoosh's
``W3PostingsWriter`` and ``W3LeafMatcher`` do not document (``_ids``, ``_weights``,
``_values``, ``_maxweight``, ``_data``, ``_blocklength``, ``_compression``, offsets,
``W3FieldWriter._postwriter``);
both ``whoosh`` 2.7.4 and ``whoosh-reloaded`` 2.7.5 have them.
"""

from __future__ import annotations

import heapq
import mmap
import os
import struct
import sys
import weakref
import zlib
from bisect import bisect_left
from array import array
from itertools import accumulate

from whoosh.codec import whoosh3
from whoosh.matching import ReadTooFar
from whoosh.system import emptybytes
from whoosh.util.numeric import byte_to_length, length_to_byte

IMPACT_SCALE = 100  # weights stored in one byte are multiples of 1/100 (0 to 2.55)
COMPRESS_FROM = 128
"""A block's data shorter than this is stored as it is (its header says so): zlib made the
blocks of a few postings, most of a library's, longer (by about 7 bytes); storing them as
they are makes the postings file 4.6% smaller and spares a zlib call per term."""
_BIG_ENDIAN = sys.byteorder == "big"
_W_ONES, _W_BYTE, _W_SHORT, _W_FLOAT = 0, 1, 2, 3
_V_NONE, _V_FIXED, _V_VARIABLE = 0, 1, 2
# A block's header: its length (negative for the last block), postings, last id, largest
# weight, compression, shortest and longest field length (bytes), then its data.
HEADER = struct.Struct("<iIIdBBB")
_SKIP = struct.Struct("<iII")  # the header's first fields: length (negative: the last block), count, last id


def quantise(weight: float) -> float:
    """The weight rounded to a multiple of ``1 / IMPACT_SCALE`` (one byte when at most 2.55)."""
    return round(weight * IMPACT_SCALE) / IMPACT_SCALE


def _packed(numbers) -> bytes:
    """Non-negative integers as the smallest array type that holds them: 1 code byte + data."""
    biggest = max(numbers, default=0)
    code = "B" if biggest < 256 else "H" if biggest < 65536 else "I"
    packed = array(code, numbers)
    if _BIG_ENDIAN and code != "B":
        packed.byteswap()
    return code.encode() + packed.tobytes()


def _unpacked(data: bytes, start: int, count: int) -> tuple[array, int]:
    """The array written by ``_packed`` at ``start``, and the offset after it."""
    code = chr(data[start])
    numbers = array(code)
    end = start + 1 + count * numbers.itemsize
    numbers.frombytes(data[start + 1:end])
    if _BIG_ENDIAN and numbers.itemsize > 1:
        numbers.byteswap()
    return numbers, end


class CompactPostingsWriter(whoosh3.W3PostingsWriter):
    """Writes blocks as packed arrays (see the module docstring)."""

    def add_posting(self, id_, weight, vbytes, length=None):
        """Whoosh's, without its type checks and per-block field lengths (nothing here
        reads them: see ``CompactCodec.length_stats``): a third of saving is this call."""
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(whoosh3.WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        parts = [_packed([b - a for a, b in zip((0, *ids), ids)])]
        parts.extend(self._packed_weights())
        parts.extend(self._packed_values())
        databytes = emptybytes.join(parts)
        comp = self._compression if len(databytes) >= COMPRESS_FROM else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        blocklength = HEADER.size - 4 + len(databytes)
        self._postfile.write(HEADER.pack(-blocklength if last else blocklength, len(ids), ids[-1], self._maxweight,
                                         comp, length_to_byte(self._minlength), length_to_byte(self._maxlength)))
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()

    def _packed_weights(self) -> list[bytes]:
        weights = self._weights
        if all(w == 1.0 for w in weights):
            return [bytes([_W_ONES])]
        scaled = [round(w * IMPACT_SCALE) for w in weights]
        if all(0 <= s <= 255 and abs(s - w * IMPACT_SCALE) < 1e-3 for s, w in zip(scaled, weights)):
            return [bytes([_W_BYTE]), bytes(scaled)]
        if all(w.is_integer() and 0 <= w < 65536 for w in weights):
            return [bytes([_W_SHORT]), _packed([int(w) for w in weights])]
        floats = array("f", weights)
        if _BIG_ENDIAN:
            floats.byteswap()
        return [bytes([_W_FLOAT]), floats.tobytes()]

    def _packed_values(self) -> list[bytes]:
        fixed = self._format.fixed_value_size()
        values = self._values
        if fixed == 0 or not values:
            return [bytes([_V_NONE])]
        if fixed is not None and fixed > 0:
            return [bytes([_V_FIXED]), emptybytes.join(values)]
        return [bytes([_V_VARIABLE]), _packed([len(v) for v in values]), emptybytes.join(values)]


_MAPPINGS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def mapped(dbfile) -> mmap.mmap | None:
    """The postings file mapped into memory (once per open file; POSIX only: a mapping
    keeps a file from being deleted on Windows), or None where that is not possible. A
    block is then read by slicing, without a seek and a read per block."""
    if os.name != "posix":
        return None
    try:
        return _MAPPINGS[dbfile]
    except KeyError:
        pass
    except TypeError:
        return None
    try:
        mapping = mmap.mmap(dbfile.fileno(), 0, access=mmap.ACCESS_READ)
    except (AttributeError, OSError, ValueError):
        mapping = None
    _MAPPINGS[dbfile] = mapping
    return mapping


class _Slices:
    """The values of a block, each sliced from its bytes when asked for (a phrase reads the
    positions of one or two stories of a block of 128)."""

    __slots__ = ("data", "bounds")

    def __init__(self, data: bytes, bounds) -> None:
        self.data, self.bounds = data, bounds

    def __getitem__(self, i: int) -> bytes:
        return self.data[self.bounds[i]:self.bounds[i + 1]]

    def __len__(self) -> int:
        return len(self.bounds) - 1


class CompactLeafMatcher(whoosh3.W3LeafMatcher):
    """Reads the blocks ``CompactPostingsWriter`` writes."""

    def __init__(self, postfile, *args, mapping: mmap.mmap | None = None, **kwargs) -> None:
        self._mapping = mapping
        super().__init__(postfile, *args, **kwargs)

    def _goto(self, position):
        """Whoosh's, reading the fixed header in one call (a skipped block costs only this)."""
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        mapping = self._mapping
        header = HEADER.unpack_from(mapping, position) if mapping is not None else \
            HEADER.unpack(self._postfile.get(position, HEADER.size))
        (length, self._blocklength, self._maxid, self._maxweight, self._compression, minlength,
         maxlength) = header
        if length < 0:
            self._lastblock = True
            length = -length
        self._nextoffset = position + 4 + length
        self._dataoffset = position + HEADER.size
        self._minlength = byte_to_length(minlength)
        self._maxlength = byte_to_length(maxlength)

    def _skip_blocks_to(self, targetid: int) -> None:
        """Go to the first block whose last id reaches ``targetid`` (or to the end),
        reading only the length and the last id of each block passed over."""
        mapping = self._mapping
        if mapping is None:
            while not self._atend and targetid > self._maxid:
                self._next_block()
            return
        if self._lastblock:
            self._atend = True
            return
        position = self._nextoffset
        while True:
            length, _, maxid = _SKIP.unpack_from(mapping, position)
            if targetid <= maxid:
                self._goto(position)
                return
            if length < 0:  # the last block
                self._atend = True
                return
            position += 4 + length

    def skip_to(self, targetid):
        """Whoosh's, with a bisection inside the block instead of a step per posting (a
        phrase moves each word's matcher to the next story holding all of them)."""
        if self._atend or self._i >= self._blocklength:
            raise ReadTooFar
        ids = self._ids
        if ids is None:
            self._read_ids()
            ids = self._ids
        if targetid <= ids[self._i]:
            return
        if targetid > self._maxid:
            self._skip_blocks_to(targetid)
            if self._atend:
                return
            self._read_ids()
            ids = self._ids
        self._i = bisect_left(ids, targetid, self._i)
        if self._i >= self._blocklength:  # not reached: a block's ids end at its max id
            self._next_block()

    def _read_data(self):
        mapping = self._mapping
        data = mapping[self._dataoffset:self._nextoffset] if mapping is not None else \
            self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        if self._compression:
            data = zlib.decompress(data)
        deltas, at = _unpacked(data, 0, self._blocklength)
        self._data = (deltas, data, at)  # weights and values are read when asked for

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = tuple(accumulate(self._data[0]))

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        self._weights, self._values_at = self._weights_from(*self._data[1:])

    def _weights_from(self, data: bytes, at: int):
        count = self._blocklength
        kind = data[at]
        at += 1
        if kind == _W_ONES:
            return (1.0,) * count, at
        if kind == _W_BYTE:
            return [b / IMPACT_SCALE for b in data[at:at + count]], at + count
        if kind == _W_SHORT:
            shorts, at = _unpacked(data, at, count)
            return [float(s) for s in shorts], at
        weights = array("f")
        weights.frombytes(data[at:at + 4 * count])
        if _BIG_ENDIAN:
            weights.byteswap()
        return weights, at + 4 * count

    def _read_values(self):
        if self._weights is None:
            self._read_weights()
        data, at = self._data[1], self._values_at
        kind = data[at]
        at += 1
        count = self._blocklength
        if kind == _V_NONE:
            self._values = (None,) * count
        elif kind == _V_FIXED:
            size = self._fixedsize
            self._values = _Slices(data, range(at, at + size * (count + 1), size))
        else:
            lengths, at = _unpacked(data, at, count)
            self._values = _Slices(data, tuple(accumulate(lengths, initial=at)))

    def _blocks(self, skipped=None):
        """Each remaining block as ``(ids, weights, first unread index, its length)``, read
        and decompressed; a block whose largest weight ``skipped`` (if given) turns down is
        passed over unread. The matcher ends past each block once it is handed back."""
        while self.is_active():
            if skipped is not None and skipped(self._maxweight):
                self._next_block()
                continue
            if self._ids is None:
                self._read_ids()
            if self._weights is None:
                self._read_weights()
            yield self._ids, self._weights, self._i, self._blocklength
            self._i = self._blocklength
            self._next_block()

    def push_top(self, factor: float, limit: int, heap: list, offset: int = 0, is_deleted=None) -> None:
        """Add the remaining postings scoring ``factor × weight`` to ``heap``, a min-heap of
        at most ``limit`` ``(score, -docnum)`` (Whoosh's ``TopCollector`` order), a block at
        a time: a block whose largest weight cannot enter is not even decompressed."""
        push, replace = heapq.heappush, heapq.heapreplace
        for ids, weights, first, end in self._blocks(
                lambda most: len(heap) >= limit and factor * most <= heap[0][0]):
            for i in range(first, end):
                score = factor * weights[i]
                if len(heap) < limit:
                    if is_deleted is None or not is_deleted(ids[i]):
                        push(heap, (score, -(ids[i] + offset)))
                elif score > heap[0][0] and (is_deleted is None or not is_deleted(ids[i])):
                    replace(heap, (score, -(ids[i] + offset)))

    def add_scores(self, factor: float, scores: dict[int, float]) -> None:
        """Add ``factor × weight`` of every remaining posting to its story's entry in
        ``scores`` (a term-at-a-time union: each block read once, whole)."""
        get = scores.get
        for ids, weights, first, end in self._blocks():
            for i in range(first, end):
                docnum = ids[i]
                scores[docnum] = get(docnum, 0.0) + factor * weights[i]

    def candidates(self, factor: float, threshold):
        """Yield ``(docnum, factor × weight)`` for the remaining postings scoring above
        ``threshold()`` (asked again as it rises), a block at a time: a block whose
        largest weight cannot pass is not decompressed."""
        for ids, weights, first, end in self._blocks(lambda most: factor * most <= threshold()):
            for i in range(first, end):
                score = factor * weights[i]
                if score > threshold():
                    yield ids[i], score

    def all_ids(self):
        """The remaining ids, a block at a time (Whoosh's steps one posting at a time)."""
        while self.is_active():
            if self._ids is None:
                self._read_ids()
            yield from self._ids[self._i:]
            self._i = self._blocklength
            self._next_block()


class CompactFieldWriter(whoosh3.W3FieldWriter):
    """Whoosh's field writer with its posting loop in one function (the pool hands the
    postings over sorted, so the order checks of ``FieldWriter.add_postings`` are left
    out, and no field length is looked up for each posting)."""

    def add_postings(self, schema, lengths, items):
        lastfn = lasttext = None
        add = None
        for fieldname, btext, docnum, weight, value in items:
            if fieldname != lastfn:
                if lasttext is not None:
                    self.finish_term()
                if lastfn is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                lastfn, lasttext = fieldname, None
                add = self._postwriter.add_posting
            if docnum == -1:
                continue  # a spelling word (none in this schema)
            if btext != lasttext:
                if lasttext is not None:
                    self.finish_term()
                self.start_term(btext)
                lasttext = btext
            add(docnum, weight, emptybytes if value is None else value)
        if lasttext is not None:
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


class CompactCodec(whoosh3.W3Codec):
    """``W3Codec`` writing and reading compact posting blocks (term vectors as Whoosh's).

    ``length_stats`` is off: the blocks keep no shortest and longest field length. The
    impact fields are ranked from their weights (``reader.search.scoring``); Whoosh's
    BM25F, for the ``entity`` field, then bounds a block with length 0, still an upper
    bound of its scores, only a looser one.
    """

    length_stats = False

    def field_writer(self, storage, segment):
        return CompactFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        if byteids:
            return super().postings_writer(dbfile, byteids=byteids)
        return CompactPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=False,
                                     compression=self._compression, inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return CompactLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer, mapping=mapped(dbfile))


def impact_postings(reader, fieldname: str, text):
    """A word's postings in one segment as a ``CompactLeafMatcher``, without Whoosh's deletion
    filter (the caller checks ``reader.is_deleted``); ``None`` when the segment has none of
    them, ``False`` when they are in another layout (an index Whoosh wrote: its own path)."""
    from whoosh.matching.wrappers import FilterMatcher  # noqa: PLC0415

    if (fieldname, text) not in reader:
        return None
    matcher = reader.postings(fieldname, text)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if not isinstance(matcher, CompactLeafMatcher):
        return None if not matcher.is_active() else False
    return matcher if matcher.is_active() else None
