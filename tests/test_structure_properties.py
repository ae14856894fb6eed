"""Properties of sections and sentences over generated documents.

Two kinds of input: documents built from parts (headings of every numbering style in
a tree, paragraphs of sentences with quotes, ellipses, decimals and Latin
abbreviations, salutations, list items), whose structure is known and must be found
exactly; and loosely generated line soup, on which the invariants must still hold.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_invariants
from strategies import documents, structured_documents

from zhclean.structure.documents import split_documents
from zhclean.structure.sections import find_sections
from zhclean.structure.sentences import split_sentences

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
any_document = st.one_of(structured_documents().map(lambda built: built[0]), documents)


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
