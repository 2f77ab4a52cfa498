"""The display language: Korean by default through the shipped catalogue, English as the source language."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

log = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"  # package data


def install_language(language: str, owner: QObject) -> list[QTranslator]:
    """Korean is the default; English is the source language and needs no translator. Qt's own strings (the
    standard Cancel, Yes, No buttons) come from the qtbase catalogue that ships with Qt."""
    if language.startswith("en"):
        return []
    installed = []
    for folder, name in (
        (TRANSLATIONS, "kiwoom_desk_ko"),
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_ko"),
    ):
        translator = QTranslator(owner)  # removed from the application when its owner goes
        if translator.load(name, str(folder)):
            QCoreApplication.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return installed
