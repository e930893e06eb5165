"""Make the repository root importable, so `import bench` works under plain `pytest`
too (tests/bench has no __init__.py on purpose: a package named `bench` here would
shadow the real one)."""

import sys
from pathlib import Path

REPO_ROOT = str(Path(__file__).resolve().parents[2])
if REPO_ROOT not in sys.path:
    sys.path.insert(0, REPO_ROOT)
