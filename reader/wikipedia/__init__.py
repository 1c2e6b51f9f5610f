"""Wikipedia summaries on request: a small, polite client, choosing the right page, saving it
as the person's note. Nothing here runs unless the person asks (or turns ``auto`` on)."""

from reader.wikipedia.client import Candidate, Summary, WikipediaClient, WikipediaError
from reader.wikipedia.lookup import LookupResult, look_up

__all__ = ["Candidate", "LookupResult", "Summary", "WikipediaClient", "WikipediaError", "look_up"]
