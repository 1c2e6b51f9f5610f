"""A footer that shows only the keys that fit whole beside the command palette's key."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer


class FittedFooter(Footer):
    """Textual's ``Footer``, with the keys that would run under the palette's key hidden.

    The footer lists keys in order (the focused pane's first); the ones that do not fit
    whole before the palette's key, docked at the right, are hidden rather than cut. The
    fit is measured after each layout: when the keys change and when the width does.
    """

    _fitted_width = 0

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:
            self._fitted_width = event.size.width
            self.call_after_refresh(self.recompose)  # all keys again, then fitted to the new width

    def fit_keys(self) -> None:
        """Hide each key (and those after it) that ends past the palette's key or the edge."""
        keys = [child for child in self.children if not child.has_class("-command-palette")]
        palettes = [child for child in self.children if child.has_class("-command-palette")]
        if not self.region or (palettes and not palettes[0].region):
            return  # not laid out (the screen is not shown): fitted when it is
        right = palettes[0].region.x if palettes else self.region.right
        fits = True
        for key in keys:
            fits = fits and key.region.right <= right
            key.display = fits
