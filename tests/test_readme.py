"""The README's reading examples run as written against the version made from raw/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT


def _reading_block() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "README has no python block"
    return blocks[0]


def test_readme_reading_lines_run(published_seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(published_seeds.parent)
    scope: dict = {}
    exec(_reading_block(), scope)
    assert len(scope["docs"]) == 7
    assert scope["titles"][0][:1] == ("优化发展环境交流",)
    assert scope["sentences"].columns[:3] == ["doc_id", "sentence_index", "section_index"]
    assert scope["sentences"].height > 100
    assert scope["rejects"].num_rows == 0
