"""OPML in and out: folders and categories become tags and come back; OPML 1 and 2."""

from __future__ import annotations

import json

from reader.cli import main
from reader.feeds.opml import read_opml, write_opml
from reader.feeds.store import FeedStore, Subscription
from reader.library.state import StateStore

OPML1 = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0">
  <head><title>mySubscriptions</title></head>
  <body>
    <outline text="Tech">
      <outline text="Ars" title="Ars Technica" type="rss" xmlUrl="http://feeds.arstechnica.com/arstechnica/index"/>
      <outline text="Deep"><outline text="LWN" type="rss" xmlUrl="https://lwn.net/headlines/rss"/></outline>
    </outline>
    <outline text="Caf\xe9 &amp; Cr\xe8me" type="rss" xmlUrl="http://example.org/caf%C3%A9.xml" htmlUrl="http://example.org/"/>
    <outline text="Also in tech" type="rss" xmlUrl="https://lwn.net/headlines/rss"/>
  </body>
</opml>"""

OPML2 = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>Two</title></head><body>
  <outline text="Scripting News" type="rss" xmlUrl="http://scripting.com/rss.xml" category="/Harvard/Berkman,/Politics,weblogs"/>
  <outline text="no address" type="rss"/>
</body></opml>"""


def test_opml1_folders_become_tags_and_a_feed_in_two_places_is_one():
    found = read_opml(OPML1)
    assert found.version == "opml1" and not found.problems
    by_url = {f.url: f for f in found.feeds}
    assert by_url["http://feeds.arstechnica.com/arstechnica/index"].title == "Ars"
    assert by_url["http://feeds.arstechnica.com/arstechnica/index"].tags == ("Tech",)
    assert by_url["https://lwn.net/headlines/rss"].tags == ("Tech/Deep",)
    assert by_url["http://example.org/caf%C3%A9.xml"].title == "Café & Crème"
    assert len(found.feeds) == 3


def test_opml2_categories_become_tags():
    (feed,) = read_opml(OPML2).feeds
    assert feed.tags == ("Harvard/Berkman", "Politics", "weblogs")


def test_not_opml_is_one_problem():
    assert read_opml(b"").problems == ["the file is empty"]
    assert read_opml(b"<html><body>hello</body></html>").problems[0].startswith("not an OPML subscription list")
    assert read_opml(b'<?xml version="1.0"?><opml version="2.0"><body></body></opml>').problems == \
        ["the list has no feeds"]


def test_round_trip_keeps_every_url_title_and_tag():
    subs = [Subscription(f"http://host{n % 7}.example/feed/{n}?a=1&b=2", f"Feed <{n}> & co", None,
                         tuple(t for t in (f"group{n % 5}/sub{n % 3}", f"topic{n % 4}", "odd" if n % 2 else "")
                               if t), link=f"http://host{n % 7}.example/") for n in range(60)]
    subs.append(Subscription("http://plain.example/rss", None, "My own title"))
    back = {f.url: f for f in read_opml(write_opml(subs).encode()).feeds}
    assert set(back) == {s.url for s in subs}
    for sub in subs:
        assert back[sub.url].title == sub.title
        assert set(back[sub.url].tags) == set(sub.tags)
    opml1 = {f.url: f for f in read_opml(write_opml(subs, version="1.0").encode()).feeds}
    assert set(opml1) == {s.url for s in subs}
    assert all(opml1[s.url].tags == s.tags[:1] for s in subs)  # OPML 1: the folder only


def test_import_and_export_commands(tmp_path, capsys):
    source = tmp_path / "in.opml"
    source.write_bytes(OPML1)
    assert main(["opml", "import", str(source)]) == 0
    assert "3 feeds in in.opml: 3 new, 0 already followed" in capsys.readouterr().out
    assert main(["opml", "import", str(source)]) == 0
    assert "0 new, 3 already followed" in capsys.readouterr().out
    with StateStore() as state:
        assert {s.url: s.tags for s in FeedStore(state).subscriptions()}["https://lwn.net/headlines/rss"] == \
            ("Tech/Deep",)
    out = tmp_path / "out.opml"
    assert main(["opml", "export", str(out)]) == 0
    assert "Wrote 3 feeds" in capsys.readouterr().out
    again = read_opml(out.read_bytes())
    assert {(f.url, f.title, f.tags) for f in again.feeds} == {(f.url, f.title, f.tags) for f in read_opml(OPML1).feeds}
    assert main(["opml", "export"]) == 0
    assert capsys.readouterr().out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    bad = tmp_path / "bad.opml"
    bad.write_text("not xml at all")
    assert main(["opml", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"reader: {bad}: not an OPML subscription list") and err.count("\n") == 1
    assert main(["opml", "import", str(tmp_path / "missing.opml")]) == 2
    assert main(["feeds", "--json"]) == 0
    assert len([r for r in json.loads(capsys.readouterr().out) if r["kind"] == "feed"]) == 3
