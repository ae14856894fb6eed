"""The false-change scan over correct text: the corpus is rebuilt from its tags, width
normalization is told from a false change, and the script runs on a small corpus."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import clean_text_scan  # noqa: E402

TAGGED = "\n".join(
    [
        "迈向/v 充满/v 希望/n 的/u 新/a 世纪/n",
        "增长/v １２．３％/m ，/w 达到/v １９９８年/t 。/w",
        "",  # an empty line: no paragraph
    ]
)


def test_paragraphs_are_the_words_joined(tmp_path: Path) -> None:
    corpus = tmp_path / "tagged.txt"
    corpus.write_text(TAGGED, encoding="utf-8")
    assert list(clean_text_scan.tagged_paragraphs(corpus)) == [
        "迈向充满希望的新世纪",
        "增长１２．３％，达到１９９８年。",
    ]


def test_width_normalization_is_no_false_change() -> None:
    assert clean_text_scan.width_only("增长１２．３％", "增长12.3%")
    assert not clean_text_scan.width_only("增长１２．３％", "增长12.3％。")
    assert not clean_text_scan.width_only("空谈误国", "空谈悟国")
    assert clean_text_scan.changed_places("空谈误国，实干兴邦", "空谈悟国，实干兴邦", 2) == [
        "空谈误国， -> 空谈悟国，"
    ]


def test_scan_of_a_small_corpus(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "tagged.txt"
    corpus.write_text(TAGGED, encoding="utf-8")
    assert clean_text_scan.main(["--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "## Simplified: 2 paragraphs, 26 characters" in out
    assert "- false changes: 0 paragraphs (0.00%)" in out
    assert "- only full-width forms made ASCII: 1 paragraphs" in out
