"""The notebook runs top to bottom (its code cells, in order, in one namespace)."""

from __future__ import annotations

import json
import os

from conftest import ROOT


def test_explore_notebook_runs(capsys):
    nb = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(ROOT / "notebooks")
    try:
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                exec(compile(source, "explore.ipynb", "exec"), namespace)  # noqa: S102 - our own notebook
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert "Kết luận số 21-KL/TW" in printed
    assert "Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn" in printed
    assert namespace["result"].report["counts"]["articles"] == 5
