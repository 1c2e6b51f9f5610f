"""Hostile text for the entity recogniser and hostile notes files for the knowledge base:
spans always lie inside the text, nothing raises, a bad notes file is named, within a time
bound."""

from __future__ import annotations

import textwrap
import threading

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import SEED
from tests.reliability_support import (PROPERTY, bounded, hostile_text, newsy_text, python_env,
                                       run_limited)
from tests.reliability_tally import tally

import reader.entities as entities  # noqa: E402


@pytest.fixture(scope="module")
def recognizer():
    from reader.entities.service import get_recognizer

    return get_recognizer()


def check_spans(text: str, spans) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text), span
        assert span.start >= previous_end, f"overlapping or unsorted spans: {spans}"
        previous_end = span.end
        assert span.type in entities.TYPES, span
        assert span.key is None or isinstance(span.key, str)
        assert text[span.start:span.end].strip(), f"an entity of only spaces: {span}"


@PROPERTY
@given(text=newsy_text | hostile_text)
@example(text="Hua Chunying said. Hua")
@example(text="Liberal Democratic Party (LDP) LDP (")
@example(text="(" * 500 + "Japan" + ")" * 500)
@example(text="Of The And Of The " * 200)
def test_the_recogniser_takes_any_text(recognizer, text):
    with bounded(10, "recognise"):
        spans = recognizer.recognise(text)
    tally.tried("entities: recogniser")
    check_spans(text, spans)


@pytest.mark.parametrize("shape", ["capitals", "one-word", "acronyms", "seed-repeated"])
def test_the_recogniser_on_enormous_text_is_bounded(recognizer, shape):
    if shape == "capitals":
        text = "Alpha Beta Gamma Delta of the Epsilon Zeta Eta Theta " * 6_000
    elif shape == "one-word":
        text = "X" * 500_000
    elif shape == "acronyms":
        text = "The Abc Def Ghi (ADG) met the ADG and ADG. " * 8_000
    else:
        text = SEED.read_text(encoding="utf-8") * 100
    with bounded(60, f"recognising {len(text):,} characters of {shape}"):
        spans = recognizer.recognise(text)
    tally.tried("entities: recogniser")
    check_spans(text, spans)


def test_the_shared_recogniser_gives_the_same_spans_from_many_threads(recognizer):
    """The app recognises in a worker thread while other threads (the index update, the
    entities filter) use the same shared recogniser: a story's spans must not depend on
    which other story is being recognised at the same moment. (A capitalised run is read as
    an organisation when the story also writes all of its words in lower case; that
    per-story fact must not leak between threads.)"""
    import sys

    plain = "Yesterday the committee heard Zorblax Quimby speak at length. " * 300
    lowered = plain + " The zorblax and the quimby were fine."
    texts = [plain, lowered, SEED.read_text(encoding="utf-8")]
    expected = [recognizer.recognise(t) for t in texts]
    assert {s.type for s in expected[0]} != {s.type for s in expected[1]}, "the two stories should differ"
    failures: list[str] = []

    def work(n: int) -> None:
        for round_ in range(15):
            k = (n + round_) % len(texts)
            got = recognizer.recognise(texts[k])
            if got != expected[k]:
                failures.append(f"thread {n} round {round_} text {k}: {sorted(set(got) ^ set(expected[k]))[:2]}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, as a busy machine does
    try:
        with bounded(120, "recognising in 4 threads"):
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        sys.setswitchinterval(interval)
    tally.tried("entities: recogniser (threads)", 4 * 15)
    assert not failures, f"{len(failures)} of 60 results changed under concurrency: {failures[:3]}"


# -- notes files ---------------------------------------------------------------------------

note_value = st.recursive(st.none() | st.booleans() | st.integers() | hostile_text | st.dates(),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                          max_leaves=8)
note_key = st.sampled_from(["id", "name", "type", "aliases", "summary", "background", "dates", "related", "as_of"]) | st.text(max_size=6)


@st.composite
def notes_file(draw) -> str:
    import json

    kind = draw(st.sampled_from(["entries", "entries", "raw", "broken"]))
    if kind == "raw":
        return draw(hostile_text)
    entries = draw(st.lists(st.dictionaries(note_key, note_value, max_size=7), max_size=5))
    text = json.dumps(entries, ensure_ascii=False, default=str)
    if kind == "broken":
        cut = draw(st.integers(0, len(text)))
        return text[:cut] + draw(st.sampled_from(["", "\t", "{", ": :", "&a *b", "\x00"]))
    return text


@PROPERTY
@given(text=notes_file())
def test_a_notes_file_of_any_shape_is_loaded_or_named(tmp_path_factory, text):
    from reader.entities.notes import load_knowledge_base

    shipped = tmp_path_factory.mktemp("shipped")
    user = tmp_path_factory.mktemp("user")
    (shipped / "base.yaml").write_text("- id: japan\n  name: Japan\n  type: PLACE\n  summary: An island country.\n",
                                       encoding="utf-8")
    path = user / "my-notes.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with bounded(10, "load_knowledge_base"):
        kb = load_knowledge_base(shipped, user)
    tally.tried("entities: notes files")
    assert all(p.message and str(path) in str(p.path) for p in kb.problems), kb.problems
    assert kb.get("japan") is not None  # a bad user file never loses the shipped notes
    for note in kb.notes.values():
        for field in ("id", "name", "summary", "background"):
            assert isinstance(getattr(note, field), str), (field, getattr(note, field))


@pytest.mark.parametrize("field", ["summary", "aliases", "name", "dates", "related", "background", "type", "id", "as_of"])
def test_a_yaml_bomb_in_a_notes_file_is_refused_not_expanded(tmp_path, reader_home, field):
    """Run in a child limited to 700 MB and 30 s, so a regression fails here rather than
    exhausting the machine; the file's good note still loads."""
    user = tmp_path / "notes"
    user.mkdir()
    # nine copies per level, eight levels: 9^8 strings once expanded
    levels = ['["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    text = "anchors:\n"
    text += "  l0: &l0 " + levels[0] + "\n"
    for level in range(1, 9):
        text += f"  l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]\n"
    text += "notes:\n  - id: bomb\n    type: EVENT\n    name: " + ("*l8" if field == "name" else "Bomb") + "\n"
    if field != "name":
        text += f"    {field}: *l8\n"
    text += "  - id: fine\n    name: Fine Note\n    type: PERSON\n    summary: Still here.\n"
    (user / "my-notes.yaml").write_text(text, encoding="utf-8")
    code = textwrap.dedent(f"""
        from pathlib import Path
        from reader.entities.notes import load_knowledge_base
        kb = load_knowledge_base(Path({str(tmp_path / 'none')!r}), Path({str(user)!r}))
        print("fine", kb.get("fine") is not None)
        for p in kb.problems:
            print("problem", p.message[:200])
        """)
    result = run_limited(code, python_env(reader_home), memory_mb=700, seconds=30)
    tally.tried("entities: notes files")
    assert result.returncode == 0, f"loading notes blew up on a YAML bomb:\n{result.stderr[-1500:]}"
    assert "fine True" in result.stdout, result.stdout
