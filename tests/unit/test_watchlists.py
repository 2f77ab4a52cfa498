"""The trader's watchlists (#15): several named lists per environment, kept whole across a killed app, a file that
cannot be read set aside rather than overwritten; adding, removing and moving stocks in the shown list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiwoom_desk.storage.watchlists import DEFAULT_NAME, Watchlist, WatchlistStore, WatchlistStoreError
from kiwoom_desk.trading.watchlist import Watchlists


def test_lists_are_kept_per_environment(tmp_path: Path) -> None:
    store = WatchlistStore(tmp_path / "watchlists.json")
    assert store.load("sandbox") == [Watchlist(DEFAULT_NAME)]  # the first time: one empty list
    store.save("sandbox", [Watchlist("반도체", ["005930", "000660"]), Watchlist("기타", ["035420"])])
    store.save("mock", [Watchlist("모의", ["005380"])])
    again = WatchlistStore(tmp_path / "watchlists.json")
    assert again.load("sandbox") == [Watchlist("반도체", ["005930", "000660"]), Watchlist("기타", ["035420"])]
    assert again.load("mock") == [Watchlist("모의", ["005380"])] and again.load("real") == [Watchlist(DEFAULT_NAME)]
    assert not (tmp_path / "watchlists.tmp").exists()  # written aside, then moved into place


def test_a_file_that_does_not_parse_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "watchlists.json"
    for text in ("{ not json", "[1, 2]"):  # broken, or not lists per environment
        path.write_text(text, encoding="utf-8")
        store = WatchlistStore(path)
        assert store.load("sandbox") == [Watchlist(DEFAULT_NAME)]
        (aside,) = [p for p in tmp_path.glob("watchlists-unreadable-*.json") if p.read_text(encoding="utf-8") == text]
        aside.unlink()


def test_a_file_that_cannot_be_read_now_is_an_error_and_nothing_is_saved_over_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "watchlists.json"
    store = WatchlistStore(path)
    store.save("mock", [Watchlist("모의", ["005380"])])
    read = Path.read_text

    def locked(self: Path, *args: Any, **kwargs: Any) -> str:
        if self == path:  # held by a backup or a virus scanner for a moment (root can read a chmod 000 file)
            raise PermissionError(13, "Permission denied")
        return read(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", locked)
    with pytest.raises(WatchlistStoreError, match="Permission denied"):
        store.load("sandbox")
    with pytest.raises(WatchlistStoreError):
        store.save("sandbox", [Watchlist("x", ["005930"])])
    monkeypatch.setattr(Path, "read_text", read)
    assert store.load("mock") == [Watchlist("모의", ["005380"])] and list(tmp_path.glob("*unreadable*")) == []


def test_stocks_are_added_once_removed_and_moved_within_the_shown_list() -> None:
    lists = Watchlists([Watchlist("1", ["005930"]), Watchlist("2")])
    assert lists.add("000660") and not lists.add("005930")
    assert lists.move("000660", -1) and lists.shown.codes == ["000660", "005930"]
    assert not lists.move("000660", -1)  # already first
    assert lists.remove("000660") and not lists.remove("000660")
    lists.new("3")
    assert lists.shown.name == "3" and lists.shown.codes == []
    assert lists.delete_shown() and lists.shown.name == "2"
    assert lists.delete_shown() and not lists.delete_shown()  # the last list stays, emptied
    assert lists.shown.codes == [] and len(lists.lists) == 1
