"""Hostile raw files in one run of the flow: each ends in rejects with a clear reason, or in
documents; the run publishes, and the next (incremental) run matches every file again."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import rows

import flows.clean_corpus as flow_module
import zhclean.discover as discover_module
from zhclean.publish import latest

pytestmark = pytest.mark.usefixtures("prefect_backend")

GBK_NAME = b"\xb9\xfa\xbc\xd2.txt"  # 国家.txt in GBK: not valid UTF-8
GBK_NAME_PRINTED = "\\xb9\\xfa\\xbc\\xd2.txt"
ONE_GIB_OF_ZEROS = "49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14"
OLD, NEW = "旧标题\n旧的正文。".encode(), "新标题\n新的正文内容。".encode()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(version_dir: Path) -> dict:
    return json.loads((version_dir / "manifest.json").read_text("utf-8"))


def test_hostile_files_end_in_rejects_or_documents_and_the_run_publishes(
    raw_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = raw_copy
    (raw / "blank.txt").write_bytes(b"  \r\n\t\n")
    with open(raw / "huge.txt", "wb") as f:
        f.truncate(2**30)  # 1 GiB, sparse: over the 50 MiB cap
    with open(os.path.join(os.fsencode(raw), GBK_NAME), "wb") as f:
        f.write("组织工作\n组织部门是党员之家。".encode("gbk"))
    (raw / "vanishes.txt").write_bytes("标题\n正文。".encode())
    (raw / "changes.txt").write_bytes(OLD)
    (raw / "locked.txt").write_bytes("标题\n正文。".encode())
    outside = tmp_path / "outside.txt"
    outside.write_bytes("标题\n正文。".encode())
    (raw / "out.txt").symlink_to(outside)
    (raw / "loop").symlink_to("loop")
    (raw / "sub").mkdir()
    (raw / "sub" / "up").symlink_to("..", target_is_directory=True)

    real_plan, real_open = flow_module.plan, discover_module._open_regular

    def plan_then_change_files(*args: object, **kwargs: object) -> object:
        """Between discovery (which hashed every file) and the batches that read them."""
        (raw / "vanishes.txt").unlink()
        (raw / "changes.txt").write_bytes(NEW)
        return real_plan(*args, **kwargs)

    def open_denied(path: Path) -> int:  # chmod 000 does not stop root: inject EACCES
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path)

    monkeypatch.setattr(flow_module, "plan", plan_then_change_files)
    monkeypatch.setattr(discover_module, "_open_regular", open_denied)
    out = tmp_path / "out"
    summary = flow_module.clean_corpus(raw_dir=str(raw), out_dir=str(out), runner="thread")
    assert summary["version"] == "v0001" == latest(out)
    v1 = out / "v0001"

    rejects = {
        r["source_path"]: (r["reason"], r["source_sha256"], r["detail"])
        for r in rows(v1, "rejects")
    }
    assert rejects == {
        "blank.txt": ("empty", sha(b"  \r\n\t\n"), "6 bytes of whitespace only"),
        "huge.txt": (
            "too_large",
            ONE_GIB_OF_ZEROS,
            "1073741824 bytes exceeds the 52428800 byte limit",
        ),
        "locked.txt": ("unreadable", None, "cannot read: Permission denied (EACCES)"),
        "loop": ("unreadable", None, "broken symbolic link: Too many levels of symbolic links"),
        "out.txt": ("outside_raw_dir", None, "symbolic link to a path outside RAW_DIR"),
        "vanishes.txt": (
            "unreadable",
            None,
            "vanished after discovery: No such file or directory (ENOENT)",
        ),
    }
    docs = {d["source_path"]: d for d in rows(v1, "documents")}
    assert len(docs) == 5 + 2  # the seeds, the GBK-named file, the changed file
    gbk = docs[GBK_NAME_PRINTED]
    assert (gbk["doc_id"], gbk["title"], gbk["text"], gbk["encoding"]) == (
        GBK_NAME_PRINTED + "#1",
        "组织工作",
        "组织部门是党员之家。",
        "gb18030",
    )
    changed = docs["changes.txt"]  # rows made from the bytes read, paired with their hash
    assert (changed["title"], changed["text"], changed["source_sha256"]) == (
        "新标题",
        "新的正文内容。",
        sha(NEW),
    )
    inputs = {f["path"]: f["sha256"] for f in _manifest(v1)["inputs"]["files"]}
    assert inputs["changes.txt"] == sha(NEW) and inputs["vanishes.txt"] is None
    assert inputs[GBK_NAME_PRINTED] == gbk["source_sha256"]
    assert summary["rejects_by_reason"] == {
        "empty": 1,
        "outside_raw_dir": 1,
        "too_large": 1,
        "unreadable": 3,
    }

    # The next run: the GBK-named and the changed file match the manifest and are kept,
    # the vanished file is gone, the file that could not be read is read now.
    monkeypatch.undo()
    again = flow_module.clean_corpus(raw_dir=str(raw), out_dir=str(out), runner="thread")
    assert again["version"] == "v0002"
    assert _manifest(out / "v0002")["changes"] == {
        "added": 0,
        "changed": 1,
        "removed": 1,
        "unchanged": 11,
        "config_changed": False,
    }
    rejected = {r["source_path"] for r in rows(out / "v0002", "rejects")}
    assert rejected == {"blank.txt", "huge.txt", "loop", "out.txt"}
    docs2 = {d["source_path"]: d for d in rows(out / "v0002", "documents")}
    assert docs2[GBK_NAME_PRINTED] == gbk and docs2["changes.txt"] == changed
    assert docs2["locked.txt"]["text"] == "正文。"
