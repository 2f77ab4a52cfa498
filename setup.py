"""The build step that setuptools cannot express in pyproject.toml: compile the translations and copy the icons
and style sheet from `resources/` into the package (packaging/assets.py does the work, for the PyInstaller spec
too). A wheel gets them in its build folder; an editable install gets them in `kiwoom_desk/_assets`."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _assets_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kiwoom_desk_assets_build", HERE / "packaging" / "assets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithAssets(build_py):
    def run(self) -> None:
        super().run()
        assets = _assets_module()
        # Editable installs run the package from the source folder, so the assets are built there.
        target = assets.PACKAGE_ASSETS if self.editable_mode else Path(self.build_lib) / "kiwoom_desk" / "_assets"
        self._built = [str(path) for path in assets.build(target)]

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *getattr(self, "_built", [])]


setup(cmdclass={"build_py": BuildWithAssets})
