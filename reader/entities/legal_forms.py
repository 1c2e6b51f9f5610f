"""A company's legal form at the end of its name ("Ltd", "GmbH", "S.A.", "plc"), by
cleanco's terms: what the background shows ("company (legal form Ltd)") and what a story
may leave off a company's name ("Alibaba Group" of "Alibaba Group Holding Ltd")."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _legal_forms() -> dict[str, str]:
    """cleanco's legal-form terms, without dots and spaces, folded → as cleanco writes them."""
    try:
        from cleanco.termdata import terms_by_type  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    return {t.replace(".", "").replace(" ", "").casefold(): t for terms in terms_by_type.values() for t in terms
            if t.replace(".", "").replace(" ", "")}


def legal_form(name: str) -> str | None:
    """The legal form a company's name ends with ("Ltd", "GmbH", "S.A.", "plc"), as written;
    a form of two letters or fewer only in capitals or with dots ("AG", "S.A.", not "Co")."""
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return None
    for size in (2, 1):  # "Pty Ltd", "S.A. de C.V." are longer; the last one or two words suffice
        written = " ".join(words[-size:])
        key = written.replace(".", "").replace(" ", "").casefold()
        if key in _legal_forms() and len(words) > size:
            if len(key) <= 2 and not (written.isupper() or "." in written):
                continue
            return written
    return None
