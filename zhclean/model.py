"""Plain data records passed between the stages of the text core."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple


class Rejected(Exception):
    """A raw file yields no document: `reason` is a contract reject reason; `sha256` the
    hash of its bytes when whoever rejects it read them but did not return them."""

    def __init__(self, reason: str, detail: str, sha256: str | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.sha256 = sha256


@dataclass(frozen=True)
class RawFile:
    """A regular file found under RAW_DIR."""

    path: Path  # absolute path on disk (the path inside `filesystem` when that is set)
    rel_path: str  # relative to RAW_DIR, "/" separators
    size: int
    filesystem: str | None = None  # the raw URI (s3://…) when not on the local disk


@dataclass(frozen=True)
class Reject:
    """One row of the `rejects` table."""

    source_path: str
    source_sha256: str | None
    reason: str
    detail: str


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the codec that decoded them."""

    text: str
    encoding: str  # Python codec name: utf-8, gb18030, big5, utf-16-le, ...
    confidence: float  # 0..1
    other_lines: int = 0  # lines of a mostly UTF-8 file decoded with another codec


@dataclass
class DocumentDraft:
    """One document cut from a file's text, before sections and sentences."""

    title: str | None
    published_at: datetime | None
    author: str | None
    source_name: str | None
    lines: list[str]  # body: headings and paragraphs in order, no metadata or boilerplate
    removed: Counter[str] = field(default_factory=Counter)  # boilerplate removed, by kind
    extra: dict[str, str] = field(default_factory=dict)  # other metadata (editors, subtitle…)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Section:
    """A half-open span [char_start, char_end) of a document's text."""

    index: int
    parent_index: int | None
    level: int  # 0: untitled opening part; 1: the document's top heading rank; ...
    heading: str | None
    char_start: int
    char_end: int


class Sentence(NamedTuple):
    """A half-open span [char_start, char_end) of a document's text, in a section
    (a NamedTuple: a document has hundreds, made twice as fast as a frozen dataclass)."""

    index: int
    section_index: int
    char_start: int
    char_end: int
