"""A footer that shows only the keys that fit whole beside the command palette's key."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer


class FittedFooter(Footer):
    """Textual's ``Footer``, with the keys that would run under the palette's key hidden.

    The footer lists keys in order (the focused pane's first); the ones that do not fit
    whole before the palette's key, docked at the right, are hidden rather than cut, all
    but Quit and Help, which stay. The
    fit is measured after each layout: when the keys change and when the width does. The
    keys are composed again only when what they show changed (the bindings change signal
    comes several times as a screen starts, mostly with the same keys).
    """

    KEPT = frozenset({"app.quit", "app.help", "quit", "help"})
    """Actions whose keys stay shown when others give way."""

    _fitted_width = 0
    _composed: tuple | None = None
    """What the keys were composed from (``_shown``); None: compose them again."""

    def _shown(self) -> tuple:
        """What the composed keys show: each shown binding (and the palette's), whether it is
        enabled, its tooltip."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return (self._bindings_ready, self.show_command_palette, self.combine_groups, tuple(
            (key, binding.key_display, binding.description, binding.action, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        ))

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        shown = self._shown()
        if shown == self._composed:
            return
        self._composed = shown
        await super().recompose()
        self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:
            self._fitted_width = event.size.width
            self._composed = None
            self.call_after_refresh(self.recompose)  # all keys again, then fitted to the new width

    def fit_keys(self) -> None:
        """Show the keys, in order, that fit whole before the palette's key or the edge,
        keeping room for Quit and Help (``KEPT``): a person can always leave or ask."""
        keys = [child for child in self.children if not child.has_class("-command-palette")]
        palettes = [child for child in self.children if child.has_class("-command-palette")]
        if not self.region or (palettes and not palettes[0].region):
            return  # not laid out (the screen is not shown): fitted when it is
        right = palettes[0].region.x if palettes else self.region.right
        if not keys or keys[-1].region.right <= right:
            return  # all fit
        room = right - keys[0].region.x
        gap = max(0, keys[1].region.x - keys[0].region.right) if len(keys) > 1 else 0
        widths = {id(key): key.region.width + gap for key in keys}  # as laid out: all of them shown
        kept = sum(widths[id(key)] for key in keys if getattr(key, "action", "") in self.KEPT)
        fits = True
        for key in keys:
            width = widths[id(key)]
            if getattr(key, "action", "") in self.KEPT:
                key.display = True
                room -= width
                kept -= width
                continue
            fits = fits and width <= room - kept
            key.display = fits
            if fits:
                room -= width
