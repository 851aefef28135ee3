"""Who knows whom (STYLE §16), checked on the source with `ast`.

1. The core (`portal/content`) imports no app: not at module level, not inside a function, not
   under TYPE_CHECKING, not by name through `apps.get_model("trials.Trial")` or `import_module`.
2. No import inside a function anywhere in the project, except in `AppConfig.ready()` and where a
   `# cycle:` comment on the line (or the line above) says which cycle it breaks.

Each check is a plain function over source text, tested below on small samples so it is known to
fail, then run over the real tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "portal" / "content"
PROJECT_DIRS = ("portal", "articles", "faq", "trials")
FORBIDDEN_IN_CORE = ("articles", "faq", "trials", "portal.accounts", "portal.actions", "portal.demo")
# Model labels ("trials.Trial") and module paths the core must not reach by name either.
FORBIDDEN_LABELS = ("articles.", "faq.", "trials.", "accounts.", "portal.accounts", "portal.actions", "portal.demo")
NAME_LOADERS = {"get_model", "import_module", "import_string"}


def python_files(*dirs: Path) -> list[Path]:
    files = []
    for directory in dirs:
        files += [p for p in directory.rglob("*.py") if "migrations" not in p.parts and ".venv" not in p.parts]
    return sorted(files)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imported_modules(
    source: str, *, module: str = "portal.content.x", is_package: bool = False
) -> list[tuple[int, str]]:
    """(line, absolute module) of every import anywhere in the source, and of every name given to
    get_model / import_module / import_string as a string constant."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in NAME_LOADERS and node.args and isinstance(node.args[0], ast.Constant):
                if isinstance(node.args[0].value, str):
                    found.append((node.lineno, node.args[0].value))
    return found


def core_violations(source: str, **kwargs) -> list[str]:
    bad = []
    for line, name in imported_modules(source, **kwargs):
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IN_CORE) or name.startswith(FORBIDDEN_LABELS):
            bad.append(f"line {line}: {name}")
    return sorted(set(bad))


def function_level_imports(source: str) -> list[tuple[int, str]]:
    """(line, text) of imports inside a function, other than in ready() and those marked `# cycle:`."""
    lines = source.splitlines()
    bad = []

    def visit(node: ast.AST, function: ast.AST | None, parent_class: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                is_ready = parent_class and child.name == "ready" and function is None
                visit(child, None if is_ready else child, False)
            elif isinstance(child, ast.ClassDef):
                visit(child, function, function is None)
            elif isinstance(child, (ast.Import, ast.ImportFrom)) and function is not None:
                here = lines[child.lineno - 1]
                above = lines[child.lineno - 2] if child.lineno > 1 else ""
                if "# cycle:" not in here and not above.strip().startswith("# cycle:"):
                    bad.append((child.lineno, here.strip()))
            else:
                visit(child, function, parent_class)

    visit(ast.parse(source), None, False)
    return bad


# The checks themselves


@pytest.mark.parametrize(
    "source",
    [
        "from trials.models import Trial",
        "import faq.models",
        "import articles",
        "def f():\n    from trials.models import Trial\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from portal.accounts.models import User\n",
        "from portal.actions import publish",
        "from portal.demo import data",
        "from portal import accounts",
        "from django.apps import apps\nTrial = apps.get_model('trials.Trial')\n",
        "from django.apps import apps\ndef f():\n    return apps.get_model('faq', 'Question')\n",
        "import importlib\nm = importlib.import_module('articles.models')\n",
    ],
)
def test_core_check_catches_an_app_import(source):
    assert core_violations(source)


def test_core_check_resolves_relative_imports():
    assert core_violations("from ...accounts import models", module="portal.content.search.x")
    assert not core_violations("from ..models import ContentBase", module="portal.content.search.x")


@pytest.mark.parametrize(
    "source",
    [
        "from django.db import models",
        "from portal.content.models import ContentBase",
        "from .registry import spec_for",
        "import trialsdb_unrelated",  # only the packages themselves, not lookalikes
        "from django.apps import apps\nm = apps.get_model('content.SearchEntry')\n",
    ],
)
def test_core_check_allows_core_and_library_imports(source):
    assert not core_violations(source)


def test_function_level_import_is_reported():
    source = "def f():\n    from trials.models import Trial\n    return Trial\n"
    assert function_level_imports(source) == [(2, "from trials.models import Trial")]


def test_method_and_nested_function_imports_are_reported():
    source = (
        "class A:\n"
        "    def get(self):\n"
        "        import json\n"
        "        def inner():\n"
        "            import os\n"
        "class B:\n"
        "    def ready(self):\n"
        "        def later():\n"
        "            import sys\n"
    )
    assert [line for line, _ in function_level_imports(source)] == [3, 5, 9]


def test_ready_and_commented_cycle_imports_are_allowed():
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from x import Y\n"
        "class C:\n"
        "    def ready(self):\n"
        "        from .models import M\n"
        "def summary():\n"
        "    from .changes import f  # cycle: changes imports models\n"
        "def other():\n"
        "    # cycle: b imports a\n"
        "    from . import b\n"
    )
    assert function_level_imports(source) == []


def test_ready_outside_a_class_is_not_exempt():
    assert function_level_imports("def ready():\n    import os\n") == [(2, "import os")]


# The real tree


def test_core_imports_no_app():
    problems = []
    for path in python_files(CORE):
        source = path.read_text(encoding="utf-8")
        for problem in core_violations(source, module=_module_name(path), is_package=path.name == "__init__.py"):
            problems.append(f"{path.relative_to(ROOT)} {problem}")
    assert not problems, "The core must not import apps (STYLE §16):\n" + "\n".join(problems)


def test_core_scan_covers_the_core():
    scanned = {path.relative_to(CORE).as_posix() for path in python_files(CORE)}
    assert {
        "selectors.py",
        "registry.py",
        "search/indexing.py",
        "search/forms.py",
        "templatetags/content_tags.py",
    } <= scanned
    assert not any(name.startswith("migrations/") for name in scanned)


def test_no_hidden_function_level_imports():
    problems = []
    for path in python_files(*(ROOT / d for d in PROJECT_DIRS)):
        for line, text in function_level_imports(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(ROOT)}:{line}: {text}")
    assert not problems, (
        "Imports inside functions hide cycles; move them to the top of the module, or add a "
        "`# cycle: <which>` comment if they break a real cycle:\n" + "\n".join(problems)
    )
