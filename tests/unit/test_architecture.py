"""The layering rules of ../shared/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kiwoom_desk"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            prefix = "." * node.level
            names.add(prefix + (node.module or ""))
    return names


def test_the_sandbox_never_imports_the_client_protocol() -> None:
    for path in (PACKAGE / "sandbox").rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("kiwoom_desk.kiwoom", "..kiwoom")), f"{path.name} imports {name}"


def test_only_the_ui_and_the_app_import_qt() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("ui/") or relative in ("app.py", "__main__.py"):
            continue
        assert not any(name.startswith("PySide6") for name in _imports(path)), relative
