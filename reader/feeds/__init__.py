"""Feeds as first-class things (no UI): subscriptions and where stories came from
(``store``), polite fetching (``http``, ``schedule``), refreshing (``refresh``, with whole
stories for summary-only feeds in ``fulltext``), OPML (``opml``), the feeds view as data
(``overview``), saved searches (``saved``) and following or unfollowing (``manage``).

Modules are imported where used: the command line and the app pay only for what they run.
"""

__all__: list[str] = []
