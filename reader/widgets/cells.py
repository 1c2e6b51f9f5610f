"""Fitting text to terminal cells for the widgets that draw rows (CJK characters take two)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def cut_to_cells(text: str, width: int) -> str:
    """``text`` in at most ``width`` terminal cells, cut with an ellipsis when longer (CJK
    characters take two cells)."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return set_cell_size(text, max(0, width))
    return set_cell_size(text, width - 1) + "…"


def fit_cells(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    return set_cell_size(cut_to_cells(text, width), max(0, width))
