"""Time python-markdown against markdown-it-py on hostile input and on the demo content.

Each case renders and sanitises (nh3), as on save, in its own process with a time limit, and
reports seconds and peak memory (RSS),
so a renderer that never finishes or runs out of stack cannot take the benchmark down with it.
Usage: .venv/bin/python scripts/bench_markdown.py [--timeout 60]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

CASES = {
    "20 KB of [": lambda: "[" * 20_000,
    "20 KB of [](": lambda: "[](" * 7_000,
    "20 KB of *a": lambda: "*a" * 10_000,
    "20 KB of <": lambda: "<" * 20_000,
    "1 MB nested list": lambda: "".join("  " * i + "- item\n" for i in range(1_500))[:1_000_000]
    + "- - " * 200_000,
    "1 MB one-line nested list": lambda: "- " * 500_000,
    "deep blockquote (100 KB)": lambda: ">" * 100_000 + " x",
    "100 KB of inline code ticks": lambda: "`" * 100_000,
    "100 KB emphasis nest": lambda: "*" * 50_000 + "a" + "*" * 50_000,
    "100 KB link refs": lambda: "".join(f"[{i}]: http://x/{i}\n" for i in range(5_000)),
}


def demo_text() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from portal.demo import data

    texts = []
    for value in vars(data).values():
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if isinstance(item, dict):
                texts += [v for k, v in item.items() if k in {"body", "what_it_means", "eligibility_criteria"}
                          and isinstance(v, str)]
    return texts


def _run(renderer: str, make, queue) -> None:
    from portal.content import markdown as md_module

    sys.setrecursionlimit(10_000)
    text = make()
    texts = text if isinstance(text, list) else [text]
    render = md_module.RENDERERS[renderer]
    start = time.perf_counter()
    try:
        for t in texts:
            md_module._sanitise(render(t))
        outcome = "ok"
    except RecursionError:
        outcome = "RecursionError"
    except Exception as exc:  # noqa: BLE001
        outcome = type(exc).__name__
    elapsed = time.perf_counter() - start
    queue.put((outcome, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def measure(renderer: str, make, timeout: float) -> str:
    queue = mp.Queue()
    proc = mp.Process(target=_run, args=(renderer, make, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return f"> {timeout:.0f} s (killed)"
    if queue.empty():
        return f"crashed (exit {proc.exitcode})"
    outcome, elapsed, rss = queue.get()
    return f"{elapsed:8.3f} s {rss:6.0f} MB {'' if outcome == 'ok' else outcome}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--renderers", default="python-markdown,markdown-it-py")
    args = parser.parse_args()
    cases = dict(CASES)
    cases["demo content (all bodies)"] = demo_text
    renderers = args.renderers.split(",")
    print(f"{'case':32}" + "".join(f"{name:>32}" for name in renderers))
    for name, make in cases.items():
        print(f"{name:32}" + "".join(f"{measure(r, make, args.timeout):>32}" for r in renderers), flush=True)


if __name__ == "__main__":
    mp.set_start_method("fork")
    main()
