"""Collections of things with ids (texts, themes, glossary terms, events): one way to look them up.

A collection keeps its items in their order (the book's order) and builds an
index by id once, so a lookup is one dictionary access, and an unknown id raises
a ``KeyError`` that names the ids there are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Generic, TypeVar

T = TypeVar("T")


class Index(Generic[T]):
    """Items by their key; ``index[key]`` raises a ``KeyError`` naming the known keys."""

    def __init__(self, items, kind: str, key=lambda item: item.id):
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


class Keyed(Generic[T]):
    """Mixin for a frozen dataclass holding items with ids in one field:
    ``class Corpus(Keyed[Text], items="texts", kind="text")``.

    Iterating and ``len`` go over the items in order; ``collection[id]`` looks one up.
    """

    items_field: ClassVar[str]
    kind: ClassVar[str]

    def __init_subclass__(cls, items: str = "", kind: str = "", **rest) -> None:
        super().__init_subclass__(**rest)
        if items:
            cls.items_field, cls.kind = items, kind

    @staticmethod
    def key_of(item) -> str:
        return item.id

    def _all(self) -> tuple[T, ...]:
        return getattr(self, self.items_field)

    def _index(self) -> Index[T]:
        index = self.__dict__.get("_keyed_index")
        if index is None:
            index = Index(self._all(), self.kind, self.key_of)
            object.__setattr__(self, "_keyed_index", index)  # a cache on a frozen dataclass
        return index

    def __iter__(self) -> Iterator[T]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, key: str) -> T:
        return self._index()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._index()
