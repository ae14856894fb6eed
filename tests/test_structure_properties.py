"""Properties of sections and sentences over generated documents.

Two kinds of input: documents built from parts (headings of every numbering style in
a tree, paragraphs of sentences with quotes, ellipses, decimals and Latin
abbreviations, salutations, list items), whose structure is known and must be found
exactly; and loosely generated line soup, on which the invariants must still hold.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import HAN, documents, structured_documents

from zhclean.model import Section, Sentence
from zhclean.structure.documents import split_documents
from zhclean.structure.sections import find_sections
from zhclean.structure.sentences import split_sentences

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
any_document = st.one_of(structured_documents().map(lambda built: built[0]), documents)


def check_invariants(text: str, sections: list[Section], sentences: list[Sentence]) -> None:
    """The contract's invariants of one document's sections and sentences."""
    if not text:
        assert sections == [] and sentences == []
        return
    # sections tile the text, in order, each starting at a line and none empty
    assert sections[0].char_start == 0 and sections[-1].char_end == len(text)
    for prev, nxt in pairwise(sections):
        assert prev.char_end == nxt.char_start
    for i, s in enumerate(sections):
        assert s.index == i and s.char_start < s.char_end
        assert s.char_start == 0 or text[s.char_start - 1] == "\n"
        if s.heading is None:
            assert (i, s.level, s.parent_index) == (0, 0, None)
        else:
            # the heading round-trips: it is the whole first line of its span
            end = s.char_start + len(s.heading)
            assert text[s.char_start : end] == s.heading
            assert end == len(text) or text[end] == "\n"
            assert s.level >= 1
        if s.parent_index is not None:
            parent = sections[s.parent_index]
            assert parent.index < i and 1 <= parent.level < s.level
    # sentences: in order, none empty, trimmed, within one line of their section's body
    owners = [0] * len(text)
    for s in sections:
        if s.heading is not None:
            for k in range(s.char_start, s.char_start + len(s.heading)):
                owners[k] += 1
    previous_end = 0
    for k, sentence in enumerate(sentences):
        body = text[sentence.char_start : sentence.char_end]
        assert sentence.index == k
        assert body and body == body.strip() and "\n" not in body
        assert sentence.char_start >= previous_end
        previous_end = sentence.char_end
        section = sections[sentence.section_index]
        assert section.char_start <= sentence.char_start < sentence.char_end <= section.char_end
        if section.heading is not None:
            assert sentence.char_start > section.char_start + len(section.heading)
        for i in range(sentence.char_start, sentence.char_end):
            owners[i] += 1
    # every Han character is in exactly one sentence or heading
    for i, ch in enumerate(text):
        if HAN.fullmatch(ch):
            assert owners[i] == 1, (i, ch, text[max(0, i - 10) : i + 10])


@SETTINGS
@given(any_document)
def test_sections_and_sentences_keep_the_invariants(text: str) -> None:
    sections = find_sections(text)
    check_invariants(text, sections, split_sentences(text, sections))


@SETTINGS
@given(structured_documents())
def test_built_structure_is_found(built: tuple[str, list, list[str]]) -> None:
    """Every heading with its level and parent, and every sentence, as built."""
    text, expected_sections, expected_sentences = built
    sections = find_sections(text)
    assert [(s.heading, s.level, s.parent_index) for s in sections] == expected_sections
    sentences = split_sentences(text, sections)
    assert [text[s.char_start : s.char_end] for s in sentences] == expected_sentences


@SETTINGS
@given(structured_documents(), st.sampled_from(["", "\u3000\u3000", "  "]))
def test_document_round_trip(built: tuple[str, list, list[str]], indent: str) -> None:
    """Under a title, the built body comes back as the document's text, line for line,
    whatever the lines' indentation; and its structure is the same."""
    body, expected_sections, expected_sentences = built
    title = "凝心聚力开创组织工作新局面"
    raw = "\n".join([title, "", *(indent + line for line in body.split("\n"))]) + "\n"
    [doc] = split_documents(raw)
    assert (doc.title, doc.text) == (title, body)
    assert not doc.text.endswith("\n")
    sections = find_sections(doc.text)
    assert [(s.heading, s.level, s.parent_index) for s in sections] == expected_sections
    sentences = split_sentences(doc.text, sections)
    assert [doc.text[s.char_start : s.char_end] for s in sentences] == expected_sentences
    check_invariants(doc.text, sections, sentences)
