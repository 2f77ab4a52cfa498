"""A smaller ICU data library for the Linux build. Qt on Linux links ICU, whose data library (about 31 MB) holds
every locale's names, collations and break dictionaries, and legacy converters. Qt uses little of it here: the app's
text is Korean and English, decoded by Python, laid out by Qt's own line breaking. This keeps the root, Korean and
English locales and the tables they depend on, and rebuilds the library around them (about 4 MB). Windows' Qt uses
the system's ICU, so nothing of this applies there.

Tools: objcopy, as and ld (binutils) and icupkg and genccode (icu-devtools).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

TOOLS = ("objcopy", "as", "ld", "icupkg", "genccode")
KEPT_LOCALES = re.compile(r"^(root|res_index|pool|ko|ko_.*|en|en_US.*|en_001)\.res$")
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")  # xx.res, xx_YY.res, and the alias stubs like de_.res
PER_LOCALE = {"", "curr", "lang", "region", "unit", "zone", "coll", "rbnf"}  # "": the main locale bundles
DROPPED_TREES = {"translit", "brkitr"}  # ICU's transliterators and break iterators: Qt breaks lines itself
NOT_A_LOCALE = {"zoneinfo64.res"}


def tool(name: str) -> str | None:
    """Debian puts icupkg and genccode in /usr/sbin, which a user's PATH may lack."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")


def missing_tools() -> list[str]:
    return [name for name in TOOLS if tool(name) is None]


def run(name: str, *arguments: str) -> str:
    found = tool(name)
    if found is None:
        raise FileNotFoundError(f"{name} is needed to trim ICU's data (Debian: binutils icu-devtools)")
    return subprocess.run([found, *arguments], check=True, capture_output=True, text=True).stdout


def dropped(item: str) -> bool:
    folder, _, name = item.rpartition("/")
    if folder in DROPPED_TREES or (not folder and name.endswith(".cnv")):  # legacy encodings: Python decodes
        return True
    is_locale = bool(LOCALE.match(name)) and name not in NOT_A_LOCALE
    return folder in PER_LOCALE and is_locale and not KEPT_LOCALES.match(name)


def trimmed(library: Path, work: Path) -> Path:
    """`library` (libicudataNN.so) rebuilt with only the kept items, in `work`; same soname and entry symbol."""
    version = re.search(r"libicudata\.so\.(\d+)", library.name)
    if version is None:
        raise ValueError(f"not an ICU data library: {library}")
    entry = f"icudt{version.group(1)}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    full, small = work / f"{entry}l.dat", work / "small" / f"{entry}l.dat"
    small.parent.mkdir()
    run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(full))
    items = run("icupkg", "-l", str(full)).split()
    (work / "dropped.txt").write_text("\n".join(item for item in items if dropped(item)) + "\n", encoding="utf-8")
    run("icupkg", "-r", str(work / "dropped.txt"), str(full), str(small))
    run("genccode", "-q", "-a", "gcc", "-e", entry, "-d", str(work), str(small))
    (assembly,) = work.glob("*.S")
    # genccode's file is meant for the C preprocessor; `as` alone would keep its optional `.hidden` line
    source = re.sub(r"#ifdef \w+\n.*?#endif\n", "", assembly.read_text(encoding="ascii"), flags=re.S)
    assembly.write_text(source, encoding="ascii")
    run("as", "-o", str(work / "icudata.o"), str(assembly))
    output = work / library.name
    run("ld", "-shared", "-soname", library.name, "-o", str(output), str(work / "icudata.o"))
    return output
