"""Small article libraries for the search tests."""

from __future__ import annotations

from pathlib import Path

STORIES = {
    "senkaku": ("China warns Japan over the Senkaku Islands",
                "China has told Japan to be especially cautious about the Senkaku Islands, "
                "which Taiwan calls Diaoyutai.\n\nThe islands were annexed after the Treaty of Shimonoseki in 1895.",
                "Newsweek", "2021-04-20"),
    "budget": ("Parliament passes the budget",
               "Lawmakers passed a budget with new taxes on energy companies.\n\nThe vote followed long negotiations.",
               "Reuters", "2019-11-02"),
    "storm": ("Storm floods coastal towns",
              "A storm flooded towns along the coast. The coast guard rescued fishermen near the islands.",
              "BBC News", "2020-08-15"),
    "trade": ("Trade talks resume in Geneva",
              "Negotiators met in Geneva to resume trade negotiations. Tariffs on steel were discussed.",
              "Reuters", "2022-01-10"),
}


def write_story(folder: Path, name: str, title: str, body: str, source: str | None = None,
                published: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    front = ""
    if source or published:
        front = "---\n" + (f"source: {source}\n" if source else "") + (f"published: {published}\n" if published else "") + "---\n"
    path = folder / f"{name}.txt"
    path.write_text(f"{front}{title}\n\n{body}\n", encoding="utf-8")
    return path


def make_library(folder: Path) -> Path:
    for name, (title, body, source, published) in STORIES.items():
        write_story(folder, name, title, body, source, published)
    return folder


def filler_library(folder: Path, count: int, start: int = 0) -> Path:
    """``count`` short distinct stories (for concurrency tests)."""
    words = ["harbour", "ferry", "council", "market", "railway", "festival", "drought", "orchard"]
    for n in range(start, start + count):
        body = " ".join(f"{words[(n + i) % len(words)]} number{n} item{i}" for i in range(60))
        write_story(folder / "filler", f"f{n:05d}", f"Filler story {n}", body)
    return folder
