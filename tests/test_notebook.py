"""The notebook runs top to bottom in a real Jupyter kernel, offline, with no error."""

from __future__ import annotations

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient


@pytest.fixture(scope="module")
def executed():
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    ).execute()
    return nb


def _text(nb) -> str:
    out = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            out.append(output.get("text", ""))
            data = output.get("data", {})
            out.append(data.get("text/plain", "") + data.get("text/html", "") + data.get("text/markdown", ""))
    return "\n".join(out)


def test_notebook_runs_and_answers(executed):
    text = _text(executed)
    assert "Kết luận số 21-KL/TW" in text
    assert "Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn" in text
    assert "SELECT" in text  # every question shows its query
    assert "Ban Thường vụ Tỉnh ủy Lạng Sơn" in text  # the shortest path between two people goes through it
    assert any("image/png" in o.get("data", {}) for c in executed.cells for o in c.get("outputs", []))
    assert "<iframe srcdoc=" in text and "vis.Network" in text or "vis-network" in text
    assert "https://cdn" not in text


def test_notebook_headings_are_bilingual():
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    headings = [
        line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines() if line.startswith("## ")
    ]
    assert len(headings) >= 10 and all(" / " in h for h in headings)
