"""Lookup by id: one index per collection, built once, with an error that lists what exists."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Index(Generic[T]):
    """Items by their key; ``index[key]`` raises a ``KeyError`` naming the known keys."""

    def __init__(self, items: Iterable[T], kind: str, key: Callable[[T], str] = lambda item: item.id):
        self.kind = kind
        self._items: dict[str, T] = {}
        for item in items:
            self._items.setdefault(key(item), item)

    def __getitem__(self, key: str) -> T:
        try:
            return self._items[key]
        except KeyError:
            raise KeyError(f"no {self.kind} with id {key!r}; known: {', '.join(self._items)}") from None

    def __contains__(self, key: object) -> bool:
        return key in self._items
