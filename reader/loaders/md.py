"""Load a Markdown article (``.md``): front matter, a leading heading as title, plain paragraphs.

Markdown is parsed with markdown-it-py (CommonMark) and reduced to text: emphasis and
links keep their words, images keep their alt text, list items become "• " paragraphs,
code blocks keep their lines. Raw HTML in the file is shown as text, never run.
"""

from __future__ import annotations

import re
from pathlib import Path

from typing import TYPE_CHECKING

from reader.text import first_sentence, make_safe
from reader.loaders.txt import Loaded, _text_field, build_article, load_with, split_credit, split_front_matter

if TYPE_CHECKING:
    from markdown_it.token import Token

_PARSER = None


def _parser():
    """The CommonMark parser, made on first use (importing markdown-it costs start-up time)."""
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark")
    return _PARSER
_SPACE = re.compile(r"[ \t]+")


def _inline_text(token: Token) -> str:  # noqa: F821 (typing only)
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            alt = "".join(c.content for c in child.children or []) or child.content
            if alt:
                parts.append(alt)
    return _SPACE.sub(" ", "".join(parts)).strip()


def markdown_blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) for each block of the Markdown: kind is "heading1".."heading6", "item",
    "code" or "paragraph"."""
    blocks: list[tuple[str, str]] = []
    tokens = _parser().parse(text)
    heading: str | None = None
    list_depth = 0
    item_started = False
    for token in tokens:
        if token.type == "heading_open":
            heading = token.tag.replace("h", "heading")
        elif token.type == "heading_close":
            heading = None
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "list_item_open":
            item_started = True
        elif token.type == "inline":
            content = _inline_text(token)
            if not content:
                continue
            if heading:
                blocks.append((heading, content))
            elif list_depth and item_started:
                blocks.append(("item", "• " + content))
                item_started = False
            else:
                blocks.append(("paragraph", content))
        elif token.type in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            if code.strip():
                blocks.append(("code", code))
        elif token.type == "html_block":
            if token.content.strip():
                blocks.append(("paragraph", _SPACE.sub(" ", token.content.strip())))
    return blocks


def parse_markdown(text: str, path: Path | str, article_id: str) -> Loaded:
    meta, rest, problems = split_front_matter(text, path)
    blocks = markdown_blocks(make_safe(rest))
    title = _text_field(meta, "title")
    if title is None and blocks and blocks[0][0] in ("heading1", "heading2"):
        title = blocks.pop(0)[1]
    paragraphs, credit = split_credit([b for _, b in blocks])
    if title is None and paragraphs:
        title = first_sentence(paragraphs[0])
    return build_article(meta, title, paragraphs, credit, path, article_id, problems)


def load_md(path: Path, article_id: str | None = None) -> Loaded:
    """Read and parse one Markdown file; unreadable, empty and binary files are skipped with a reason."""
    return load_with(parse_markdown, path, article_id)
