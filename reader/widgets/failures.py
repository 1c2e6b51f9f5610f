"""One way to report a failed worker: a plain line saying what failed.

Textual delivers ``Worker.StateChanged`` only to the node that ran the worker, so each
node's handler calls ``worker_failed``; the worker's ``description`` ("Could not load the
library") says what failed, and the node then puts its own state right.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState


def worker_failed(node: DOMNode, event: Worker.StateChanged) -> bool:
    """True when ``event`` says a worker failed; the person has then been told, once."""
    if event.state != WorkerState.ERROR:
        return False
    worker = event.worker
    what = worker.description or f"Background work ({worker.group})"
    node.notify(f"{what}: {worker.error}", severity="error", markup=False, timeout=10)
    return True
