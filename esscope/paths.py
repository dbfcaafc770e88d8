"""Where the project's bundled data lives (the top-level `data/` folder, or $ESSCOPE_DATA)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("ESSCOPE_DATA", ROOT / "data"))
