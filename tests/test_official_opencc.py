"""The official OpenCC package as an alternative converter (`uv run --with opencc==1.4.2`).

Both packages install the module `opencc`; uv's `--with` puts the official one in
front of the locked environment. These tests run zhclean in such an environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from zhclean.script import convert, converter_info

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = "opencc==1.4.2"

PROBE = """
import json
from pathlib import Path
from zhclean.discover import discover
from zhclean.pipeline import Config, process_file
from zhclean.script import convert, converter_info, detect_script, official
files, _ = discover(Path("raw"), 2**26)
docs = [d for f in files if "000_" in f.rel_path for d in process_file(f, Config())[0]]
print(json.dumps({
    "official": official(),
    "info": converter_info("hans"),
    "county": convert("乾安縣的發展", "hans")[0],
    "script": detect_script("組織部門的作風"),
    "title": docs[0]["title"],
    "has": "空谈误国，实干兴邦" in docs[0]["text"],
}, ensure_ascii=False))
"""


def test_default_converter_is_the_reimplementation() -> None:
    assert converter_info("hans")["package"] == "opencc-python-reimplemented"
    assert convert("乾安縣", "hans")[0] == "干安县"  # its old dictionaries


@pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv to add the official package")
def test_official_opencc_as_alternative_install() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIRTUAL_ENV")}
    result = subprocess.run(
        ["uv", "run", "--with", OFFICIAL, "python", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["official"] is True
    assert facts["info"] == {
        "package": "opencc",
        "version": "1.4.2",
        "config": "t2s",
        "matcher": "opencc",
    }
    assert facts["county"] == "乾安县的发展"  # the official dictionaries keep 乾 here
    assert facts["script"] == "hant"
    assert facts["title"] == "优化发展环境交流"
    assert facts["has"] is True
