"""Cost of themes and settings at start-up: loading and checking theme files, reading
config.yaml, saving the theme. Measured side by side with plain ``yaml.safe_load`` of the
same files, so the ratio shows what the checks (line numbers, colour parsing) add.

Usage: python bench/bench_themes.py [--user-themes N] [--repeat R]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml


def best_of(repeat: int, fn) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--user-themes", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["READER_HOME"] = home
        t0 = time.perf_counter()
        from reader import paths
        from reader.config import load_settings, save_theme
        from reader.themes import load_themes
        import_time = time.perf_counter() - t0

        user = paths.config_dir() / "themes"
        user.mkdir(parents=True)
        shipped = sorted(paths.themes_dir().glob("*.yaml"))
        for i in range(args.user_themes):
            source = shipped[i % len(shipped)]
            text = source.read_text().replace(f"name: {source.stem}", f"name: user-{i}")
            (user / f"user-{i}.yaml").write_text(text)
        config = paths.config_dir() / "config.yaml"
        config.write_text("# mine\ntheme: sepia  # warm\nkeymap:\n  app.quit: ctrl+q\nsidebars:\n"
                          "  note: false\narticle_width: 72\nlibrary:\n  - ~/news\n")
        all_files = shipped + sorted(user.glob("*.yaml"))

        rows = [
            ("load_themes (4 shipped only)", best_of(args.repeat, lambda: load_themes(user_dir=Path("/nonexistent"))),
             best_of(args.repeat, lambda: [yaml.safe_load(p.read_text()) for p in shipped])),
            (f"load_themes (4 + {args.user_themes} user)", best_of(args.repeat, load_themes),
             best_of(args.repeat, lambda: [yaml.safe_load(p.read_text()) for p in all_files])),
            ("load_settings (9-line config)", best_of(args.repeat, load_settings),
             best_of(args.repeat, lambda: yaml.safe_load(config.read_text()))),
            ("save_theme (edit + fsync + replace)", best_of(args.repeat, lambda: save_theme("ink")),
             best_of(args.repeat, lambda: config.write_text(config.read_text()))),
        ]
        shutil.rmtree(user)
    print(f"cores: {os.cpu_count()}  repeat: {args.repeat} (median)  import reader.themes+config: {import_time * 1000:.0f} ms")
    print(f"{'operation':<40} {'reader ms':>10} {'baseline ms':>12} {'ratio':>7}")
    for name, ours, base in rows:
        print(f"{name:<40} {ours * 1000:>10.2f} {base * 1000:>12.2f} {ours / base:>6.1f}x")
    print("baseline: yaml.safe_load of the same files (save_theme: plain read + write, no fsync)")


if __name__ == "__main__":
    main()
