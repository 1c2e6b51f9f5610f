"""Save docs/screenshot.svg: reader on the sample article at 120x36 (for the README)."""

import asyncio
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


async def main() -> None:
    os.environ["READER_HOME"] = tempfile.mkdtemp()
    sys.path.insert(0, str(REPO))
    from reader.app import ReaderApp
    from tests.test_app import wait_loaded

    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        for key in sys.argv[1:]:
            await pilot.press(key)
        await pilot.pause(0.5)
        app.save_screenshot(filename="screenshot.svg", path=str(REPO / "docs"))


asyncio.run(main())
