"""The display language: Korean by default through the shipped catalogue, English as the source language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

from ..assets import MISSING_HINT, TRANSLATIONS

log = logging.getLogger(__name__)


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
            hint = MISSING_HINT if folder == TRANSLATIONS else "Qt's own catalogue is missing"
            log.warning("translation %s not found in %s: %s", name, folder, hint)
    return installed
