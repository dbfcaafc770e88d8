"""The analysis notebooks run from top to bottom on a freshly built store, so they never rot."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_without_error(path, built_store, tmp_path, monkeypatch):
    monkeypatch.setenv("ESSCOPE_DB", str(built_store))
    notebook = nbformat.read(path, as_version=4)
    # run in a scratch folder so exports never land in the project
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []


def test_edition_notebook_writes_its_exports(built_store, tmp_path, monkeypatch):
    monkeypatch.setenv("ESSCOPE_DB", str(built_store))
    notebook = nbformat.read(next(p for p in NOTEBOOKS if p.stem == "analyse_edition"), as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    written = sorted(p.name for p in (tmp_path / "sorties").iterdir())
    assert written == ["rapport_32_2017.pdf", "rapport_32_2017.xlsx"]
    assert all((tmp_path / "sorties" / name).stat().st_size > 1000 for name in written)
