"""portal/actions sits above the core and below the content apps; the core never imports it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(package: str) -> dict[str, set[str]]:
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("portal/actions", ("articles", "faq", "trials", "portal.demo")),
        ("portal/content", ("portal.actions", "portal.demo")),
        ("portal/accounts", ("portal.actions", "portal.demo")),
    ],
)
def test_layering(package, forbidden) -> None:
    offenders = {
        path: sorted(name for name in names if name.split(".")[0] in forbidden or name.startswith(forbidden))
        for path, names in imported_modules(package).items()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_hook_registries_are_gone() -> None:
    here = Path(__file__).resolve()
    sources = "\n".join(
        path.read_text() for path in ROOT.glob("[!.]*/**/*.py") if path != here and ".venv" not in path.parts
    )
    for name in ("AFTER_CHANGE_HOOKS", "register_after_change", "TRIAL_CHANGE_HOOKS", "_run_hooks"):
        assert name not in sources, name
