"""The layering rules of ../shared/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kiwoom_desk"


def _imports(path: Path) -> set[str]:
    """Every module name a file imports; `from X import a` counts as both `X` and `X.a`, since `a` may be a
    module (`from .. import sandbox`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            prefix = "." * node.level + (node.module or "")
            names.add(prefix)
            separator = "" if prefix.endswith(".") else "."
            names.update(prefix + separator + alias.name for alias in node.names)
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
        assert not any(name.split(".")[0] in ("PySide6", "qasync") for name in _imports(path)), relative


def _layer(path: Path) -> str:
    """The top-level part of the package a module belongs to: kiwoom, trading, ui, ..., or the module's name."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _internal_modules(path: Path) -> set[str]:
    """The package modules a file imports, as dotted paths inside the package ("trading.ticks", "sandbox")."""
    package = list(path.relative_to(PACKAGE).parts[:-1])  # where the module sits, e.g. ["trading"]
    found = set()
    for name in _imports(path):
        if name == "kiwoom_desk" or name.startswith("kiwoom_desk."):
            resolved = name.split(".")[1:]
        elif name.startswith("."):
            dots = len(name) - len(name.lstrip("."))
            base = package[: len(package) - (dots - 1)] if dots - 1 <= len(package) else []
            resolved = base + [part for part in name.lstrip(".").split(".") if part]
        else:
            continue
        found.add(".".join(resolved) or "__init__")
    return found


def _internal_layers(path: Path) -> set[str]:
    """The package layers a file imports; the root itself shows as `__init__` and its `__version__`."""
    return {module.split(".")[0] for module in _internal_modules(path)}


# Who may import whom (../shared/architecture.md): ui -> trading -> kiwoom, trading -> storage, app -> everything.
ALLOWED = {
    "kiwoom": {"kiwoom"},
    "environments": {"kiwoom"},
    "assets": set(),  # where the built assets are: nothing but paths
    "collector": set(),  # the garbage collector's policy: the standard library only
    "storage": {"storage", "environments"},
    "trading": {"trading", "kiwoom", "storage", "environments"},
    "sandbox": {"sandbox", "trading"},  # trading.ticks only (checked below); never the client's protocol
    "ui": {"ui", "trading", "kiwoom", "storage", "environments", "assets", "collector"},
}


def test_the_layers_point_one_way() -> None:
    for path in PACKAGE.rglob("*.py"):
        layer = _layer(path)
        if layer not in ALLOWED:
            continue  # app.py, __main__.py and __init__.py compose everything
        extra = _internal_layers(path) - ALLOWED[layer] - {"__init__", "__version__"}  # the root: only the version
        if layer == "trading" and path.name == "session.py":
            extra -= {"sandbox"}  # the session controller starts the embedded Sandbox
        assert not extra, f"{path.relative_to(PACKAGE)} imports {sorted(extra)}"


def test_the_sandbox_shares_only_the_tick_rules() -> None:
    for path in (PACKAGE / "sandbox").rglob("*.py"):
        shared = {module for module in _internal_modules(path) if not module.startswith(("sandbox", "__"))}
        assert all(module.startswith("trading.ticks") for module in shared), f"{path.name} imports {sorted(shared)}"


def test_only_the_app_and_the_session_controller_touch_the_sandbox() -> None:
    allowed = {"app.py", "trading/session.py"}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("sandbox/") or relative in allowed:
            continue
        assert "sandbox" not in _internal_layers(path), f"{relative} imports the Sandbox"


def test_nothing_above_the_protocol_speaks_http_or_websockets() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(("kiwoom/", "sandbox/")):
            continue
        names = _imports(path)
        assert not any(name.split(".")[0] in ("httpx", "websockets", "aiohttp") for name in names), relative


def test_only_the_session_controller_builds_a_client() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("kiwoom/") or relative in ("trading/session.py", "app.py"):
            continue
        assert "KiwoomClient(" not in path.read_text(encoding="utf-8"), f"{relative} builds a KiwoomClient"


def test_no_test_helper_ships_in_the_package() -> None:
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "KeyringBackend)" not in source and "tests" not in _internal_layers(path), path.name
    assert not (PACKAGE / "ui" / "testing.py").exists()


def test_no_wire_name_above_the_protocol() -> None:
    """Wire names stay in kiwoom/ (and in the Sandbox, which speaks the wire itself)."""
    wire_names = ("ord_no", "stk_cd", "oso_qty", "ord_qty", "trde_tp", "cur_prc", "rmnd_qty", "pur_pric")
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(("kiwoom/", "sandbox/")):
            continue
        source = path.read_text(encoding="utf-8")
        assert not [name for name in wire_names if f'"{name}"' in source or f"'{name}'" in source], relative


def test_modules_and_functions_stay_small() -> None:
    """The window stays a composition of small widgets: no ui/ module over 400 lines, and no function over 60
    lines in ui/, trading/ or app.py."""
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        source = path.read_text(encoding="utf-8")
        if relative.startswith("ui/"):
            assert source.count("\n") <= 400, f"{relative} has {source.count(chr(10))} lines"
        if not relative.startswith(("ui/", "trading/", "app.py")):
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 60, f"{relative}: {node.name} is {length} lines"


def test_the_window_loads_without_the_protocol_stack() -> None:
    """#11: the window paints first; httpx, pydantic, websockets, aiohttp and keyring load once a session opens."""
    import subprocess
    import sys

    heavy = ("httpx", "pydantic", "websockets", "aiohttp", "keyring", "kiwoom_desk.sandbox")
    probe = (
        "import sys, kiwoom_desk.app, kiwoom_desk.ui.main_window;"
        f" print(','.join(name for name in {heavy!r} if name in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""
