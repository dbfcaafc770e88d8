"""The analysis notebooks run from top to bottom on a freshly built store, so they never rot."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def run(request, built_store, tmp_path_factory):
    """(the notebook run from top to bottom on the built store, the folder it ran in)."""
    folder = tmp_path_factory.mktemp(request.param.stem)      # a scratch folder: exports never land in the project
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ESSCOPE_DB", str(built_store))
        notebook = nbformat.read(request.param, as_version=4)
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(folder)}}).execute()
    return notebook, folder


def test_notebook_runs_without_error(run):
    notebook, _ = run
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []


EDITION = next(p for p in NOTEBOOKS if p.stem == "analyse_edition")


@pytest.mark.parametrize("run", [EDITION], ids=[EDITION.stem], indirect=True)
def test_edition_notebook_writes_its_exports(run):
    _, folder = run
    written = sorted(p.name for p in (folder / "sorties").iterdir())
    assert written == ["rapport_32_2017.pdf", "rapport_32_2017.xlsx"]
    assert all((folder / "sorties" / name).stat().st_size > 1000 for name in written)
