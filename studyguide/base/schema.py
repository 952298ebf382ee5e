"""One schema checker for every TOML file of ours (sidecars and the files in ``data/``).

A schema is a table of :class:`Field` s. :class:`TomlFile` reads a file and knows
where each table, entry and key is written, so that every problem, whichever
file it is in, stops with the same kind of one-line ``file:line: message`` error.
Checks that need more than a field's own value (an event's end after its start,
a figure naming a known event) stay with each file's loader, which reports them
through :meth:`TomlFile.error` and :meth:`TomlFile.line`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .tomlfile import read_toml


@dataclass(frozen=True)
class Form:
    """A shape a string must have, and how an error names it."""

    pattern: re.Pattern
    doc: str

    def fits(self, value: str) -> bool:
        return bool(self.pattern.match(value))


ID = Form(re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$"), "lowercase letters, digits and single hyphens")
URL = Form(re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$"), "an http(s) URL")
LANGUAGE = Form(re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"), "a language tag such as 'en' or 'kk-Cyrl'")


@dataclass(frozen=True)
class Field:
    """One key of a table: its TOML type, whether it is required, what it means.

    ``item`` is the type of each element of an array; ``choices`` the values a
    string (or each item) may take; ``form`` the shape it must have.
    """

    kind: type
    required: bool
    doc: str
    item: type | None = None
    choices: tuple[str, ...] = ()
    form: Form | None = None


Schema = dict[str, Field]
Span = tuple[int, int]  # first and last line of a table in the file

_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "an array", dict: "a table"}


def type_name(kind: type) -> str:
    return _TYPE_NAMES.get(kind, kind.__name__)


def _is(value: Any, kind: type) -> bool:
    """``isinstance`` that does not take true/false for a number."""
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))


def table_of_fields(schema: Schema) -> list[tuple[str, str, str]]:
    """``(field, required, meaning)`` rows, for documentation pages."""
    return [(name, "yes" if spec.required else "no", spec.doc) for name, spec in schema.items()]


class TomlFile:
    """A parsed TOML file that can say on which line a table or key is written."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.source, self.data = read_toml(self.path)
        self.lines = self.source.split("\n")
        self._headers = [n for n, line in enumerate(self.lines, 1) if re.match(r"^\s*\[", line)]

    @classmethod
    def load(cls, path: Path | str, missing: str, top: Schema) -> TomlFile:
        """The file at ``path`` with its top-level keys checked against ``top``; ``missing`` says what is absent."""
        if not Path(path).is_file():
            raise InputError(path, missing)
        toml = cls(path)
        toml.check(toml.data, top)
        return toml

    # ---------------------------------------------------------------- where things are

    @property
    def top(self) -> Span:
        """The lines of the top-level keys: before the first table header."""
        return 1, (self._headers[0] - 1 if self._headers else len(self.lines))

    def _span_from(self, first: int) -> Span:
        following = [n for n in self._headers if n > first]
        return first, (following[0] - 1 if following else len(self.lines))

    def table(self, name: str) -> Span | None:
        """The lines of the ``[name]`` table, if it is written as one."""
        header = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]")
        for number in self._headers:
            if header.match(self.lines[number - 1]):
                return self._span_from(number)
        return None

    def entries(self, name: str) -> list[tuple[int, Any, Span]]:
        """``(number from 1, entry, span)`` for each ``[[name]]`` entry."""
        header = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
        starts = [n for n in self._headers if header.match(self.lines[n - 1])]
        values = self.data.get(name, [])
        if not isinstance(values, list):
            return []
        fallback = self.top
        return [(i, value, self._span_from(starts[i - 1]) if i <= len(starts) else fallback)
                for i, value in enumerate(values, 1)]

    def line(self, key: str, span: Span | None = None) -> int | None:
        """The line where ``key = ...`` is written within ``span`` (default: the whole file)."""
        first, last = span or (1, len(self.lines))
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(first, last + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return None

    def line_holding(self, needle: str, span: Span) -> int | None:
        """The first line within ``span`` that holds ``needle``."""
        for number in range(span[0], span[1] + 1):
            if needle in self.lines[number - 1]:
                return number
        return None

    def error(self, message: str, line: int | None = None) -> InputError:
        return InputError(self.path, message, line)

    # ---------------------------------------------------------------- checking

    def check(self, values: Any, schema: Schema, span: Span | None = None, where: str = "") -> dict[str, Any]:
        """Check ``values`` (a table of this file) against ``schema``; return it.

        ``where`` starts every message ("event 'strike': "); ``span`` is where the
        table is written, for the line numbers.
        """
        span = span or self.top
        at = None if span == self.top else span[0]
        if not isinstance(values, dict):
            raise self.error(f"{where}expected a table", at)
        for key in values:
            if key not in schema:
                guess = difflib.get_close_matches(key, list(schema), n=1)
                hint = f"did you mean '{guess[0]}'?" if guess else "known: " + ", ".join(schema)
                raise self.error(f"{where}unknown field '{key}' ({hint})", self.line(key, span) or at)
        for key, spec in schema.items():
            if key not in values:
                if spec.required:
                    raise self.error(f"{where}missing required field '{key}'", at)
                continue
            self._check_value(key, values[key], spec, self.line(key, span) or at, where)
        return values

    def _check_value(self, key: str, value: Any, spec: Field, line: int | None, where: str) -> None:
        if not _is(value, spec.kind):
            raise self.error(f"{where}field '{key}' must be {type_name(spec.kind)}, not {type_name(type(value))}", line)
        if spec.kind is str:
            if spec.required and not value.strip():
                raise self.error(f"{where}field '{key}' is empty", line)
            self._check_string(key, value, spec, line, where)
        if spec.kind is list and spec.item is not None:
            for item in value:
                if not _is(item, spec.item):
                    raise self.error(f"{where}every item of '{key}' must be {type_name(spec.item)}, "
                                     f"found {type_name(type(item))}", line)
                if spec.item is str:
                    if not item.strip():
                        raise self.error(f"{where}every item of '{key}' must be a non-empty string", line)
                    self._check_string(key, item, spec, line, where)

    def _check_string(self, key: str, value: str, spec: Field, line: int | None, where: str) -> None:
        if spec.choices and value not in spec.choices:
            raise self.error(f"{where}{key} '{value}' must be one of: {', '.join(spec.choices)}", line)
        if spec.form is not None and not spec.form.fits(value):
            raise self.error(f"{where}{key} '{value}' must be {spec.form.doc}", line)
