"""Builds submissions from the mutant and variant corpora in ``tests/data``.

A corpus file is Python source appended to one module of a copy of the
reference package; it redefines (rebinds) one graded function or method. Its
header says where it goes and what it breaks:

    # target: networks/layer.py
    # breaks: affine_backward
    # Forgets to average dw and db over the batch.

``breaks`` is a group of hidden cases (the part of a case name before '/');
variants (correct, differently written solutions) name the group they rewrite
in a ``# rewrites:`` line instead.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from autograder.reference import SOLUTIONS_DIR

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
_HEADER = re.compile(r"^# (target|breaks|rewrites): (\S+)\s*$", re.M)


@dataclass(frozen=True)
class CorpusEntry:
    path: Path
    target: str  # module file inside exercise_code
    group: str  # the case group it breaks or rewrites

    @property
    def name(self):
        return self.path.stem


def load_corpus(kind):
    """Every entry of tests/data/<kind> ('mutants' or 'variants'), sorted by name."""
    entries = []
    for path in sorted((DATA_DIR / kind).glob("*.py")):
        header = dict(_HEADER.findall(path.read_text()))
        group = header.get("breaks") or header.get("rewrites")
        if "target" not in header or group is None:
            raise ValueError(f"{path}: the header needs '# target:' and '# breaks:' or '# rewrites:'")
        entries.append(CorpusEntry(path, header["target"], group))
    return entries


def build_submission_folder(entry, folder):
    """A submission folder holding the reference package with ``entry`` appended to its target module."""
    package = Path(folder) / "exercise_code"
    shutil.copytree(SOLUTIONS_DIR / "exercise_code", package, ignore=shutil.ignore_patterns("__pycache__"))
    module = package / entry.target
    module.write_text(module.read_text() + "\n\n# --- corpus entry: " + entry.name + "\n" + entry.path.read_text())
    return Path(folder)
