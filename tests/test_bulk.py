"""``reader.bulk``: the cyclic collector paused while a catalog's objects are made."""

from __future__ import annotations

import gc

import pytest

from reader.bulk import collector_paused


def test_the_collector_is_paused_in_the_block_and_resumed_after_it_even_on_an_error():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a bad snapshot")
    assert gc.isenabled()


def test_a_collector_paused_already_stays_paused():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
