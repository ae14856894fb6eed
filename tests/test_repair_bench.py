"""Smoke test of the repair benchmark: the damage generators damage, deterministically,
reproduce the seeds' damage exactly, and the edit distance is right."""

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import repair_bench  # noqa: E402
from bench.damage import (  # noqa: E402
    CLASSES,
    NotApplicable,
    annotate_gbk,
    cp936_decode,
    lenient_gbk_decode,
    misalign_sites,
    misaligned,
)
from bench.repair_bench import levenshtein, sentence_groups  # noqa: E402

HANS = [
    "组织部门是“党员之家、干部之家、人才之家”。",
    "在2022年全市组工干部培训班上，我讲三点意见：一是学习，二是实践。",
    "我们扎扎实实地转变为带动发展的重要力量；解决新问题。看一看已经出台的规定。",
    "任务很重。看来必须加快进度，确保按时完成。",
    "要坚持下去。“家风正则贤才出，门风好则儿女善”。",
    "优化发展环境，提高服务水平。",
    "举办这次培训班，既是一次培训业务的活动，也是一次交流思想的大会。",
    "组织部内全体同志要带头学习。",
    # UTF-8 that Windows' cp936 reads without losing a byte (no final 。: its 0x82 dangles)
    "加强党的建设",
    "全面提高组工干部素质",
    "2023年组织工作要点：",
]
HANT = [
    "組織部門是“黨員之家、幹部之家、人才之家”。",
    "在2022年全市組工幹部培訓班上，我講三點意見：一是學習，二是實踐。",
    "我們扎扎實實地轉變為帶動發展的重要力量；解決新問題。看一看已經出臺的規定。",
    "任務很重。看來必須加快進度，確保按時完成。",
    "要堅持下去。“家風正則賢才出，門風好則兒女善”。",
    "優化發展環境，提高服務水平。",
    "組織部內全體同志要帶頭學習。",
]


def _sentences(cls) -> list[str]:
    """Three sentences the class applies to (files: three files of three lines)."""
    pool = {"hans": HANS, "hant": HANT, "both": HANS + HANT}[cls.script]
    if cls.is_file:
        return ["\n".join(pool[i : i + 3]) for i in range(3)]
    found = []
    for line in pool:
        try:
            cls.damage(line, random.Random(0))
        except NotApplicable:
            continue
        found.append(line)
    return found[:3]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.key)
def test_generators_damage_deterministically(cls):
    sentences = _sentences(cls)
    assert len(sentences) == 3, f"class {cls.key} applies to too few test sentences"
    for clean in sentences:
        for seed in (1, 2, 3):
            damaged = cls.damage(clean, random.Random(seed))
            original = clean.encode("utf-8") if isinstance(damaged, bytes) else clean
            assert damaged != original, (cls.key, clean, seed)
            assert cls.damage(clean, random.Random(seed)) == damaged
            again, lost = cls.detail(clean, random.Random(seed))
            assert again == damaged
            assert isinstance(lost, bool)


@pytest.mark.parametrize(
    ("clean", "targets", "expected"),
    [
        # 績 = BF 83 straddles 部|內 (B2 BF | 83 C8); 內 annotated first
        ("組織部內全體", ["內", "績"], "組織部?jī)?nèi)全體"),
        # 冊 = 83 D4 straddles 們|扎; the pair FA D4 read one byte off is unmapped: vanishes
        ("我們扎扎實實地", ["實", "冊"], "我們?cè)鷮?shí)實(shí)地"),
        # 優 = 83 9E straddles 變|為; A7 84 vanishes
        ("轉變為帶動", ["優", "動"], "轉變?yōu)閹?dòng)"),
        # 務 = 84 D5 straddles 談|誤; 誤's trail byte 0x60 survives as a backquote
        ("空談誤國", ["務"], "空談?wù)`國"),
        # aligned annotation: intact
        ("優化發展", ["優", "發"], "優(yōu)化發(fā)展"),
    ],
)
def test_gbk_annotations_reproduce_the_seeds(clean, targets, expected):
    assert annotate_gbk(clean, targets)[0] == expected


def test_misaligned_reproduces_the_seed():
    clean = "解決新問題。看一看已經出臺"
    assert misalign_sites(clean) == [11]  # 。看 = A1 A3 | BF B4: A3 BF is ？
    damaged, _ = misaligned(clean, random.Random(0))
    # seed 002 shows `??匆豢匆呀?jīng)出臺`: the same misreading, realigned by the ASCII
    # annotation of 經; without it the line stays one byte off to its end
    assert damaged.startswith("解決新問題??匆豢匆呀")


def test_lenient_decoder():
    assert lenient_gbk_decode("中文".encode("gbk")).text == "中文"
    assert lenient_gbk_decode(b"\xd5(wu)").text == "?wu)"  # lead + ( -> ?
    assert lenient_gbk_decode(b"\xa1?x").text == "??x"  # lead + other ASCII: ? and kept
    result = lenient_gbk_decode(b"a\xfa\xd4b\xb2")  # FA D4 unmapped, B2 at the end
    assert result.text == "ab?"
    assert (result.vanished, result.lead_lost) == (1, 1)


def test_cp936_decode_maps_0x80_to_euro():
    assert cp936_decode("一".encode() + b"x") == "\u6d93\u20acx"  # E4 B8 | 80 -> 涓€
    with pytest.raises(UnicodeDecodeError):
        cp936_decode(b"\xe4")
    assert cp936_decode(b"a\xe4", errors="replace") == "a\ufffd"


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "", 3),
        ("", "中文", 2),
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("intention", "execution", 5),
        ("abc", "cba", 2),
        ("中文", "中文", 0),
        ("组织部", "组部", 1),
        ("组织部门", "組織部門", 3),
        ("优化发展", "優(yōu)化發(fā)展", 11),
        ("a" * 70 + "b", "a" * 70 + "c", 1),  # longer than a machine word
        ("x" + "中" * 100, "中" * 100 + "y", 2),
    ],
)
def test_levenshtein(a, b, distance):
    assert levenshtein(a, b) == distance
    assert levenshtein(b, a) == distance


def _plain_levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def test_levenshtein_matches_the_textbook_algorithm():
    rng = random.Random(5)
    for _ in range(200):
        a = "".join(rng.choices("abc中文", k=rng.randint(0, 90)))
        b = "".join(rng.choices("abc中文", k=rng.randint(0, 90)))
        assert levenshtein(a, b) == _plain_levenshtein(a, b), (a, b)


def test_sentence_groups_stay_in_bounds():
    line = "这是一个句子。" * 80
    groups = sentence_groups(line)
    assert "".join(groups) == line
    assert all(20 <= len(g) <= 200 for g in groups)


def test_bench_runs_end_to_end(tmp_path, capsys):
    clean = tmp_path / "clean.txt"
    clean.write_text("\n".join(HANS) + "\n", encoding="utf-8")
    argv = ["--clean", str(clean), "--samples", "1", "--budget", "2", "--call-timeout", "0"]
    assert repair_bench.main(argv) == 0
    out = capsys.readouterr().out
    assert "| clean | clean lines (false changes) |" in out
    assert "| 1 | pinyin annotations | 1 |" in out
    assert "MB/s" in out
