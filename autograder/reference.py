"""Imports the reference solution package ``solutions/exercise_code`` under its own name.

The reference and a student's ``exercise_code`` must never be the same module
object, so the reference is loaded as the top-level package
``reference_exercise_code``; it uses only relative imports, so it works there.
"""

import importlib
import importlib.util
import sys
from pathlib import Path

__all__ = ["KIT_ROOT", "SOLUTIONS_DIR", "REFERENCE_PACKAGE", "load_reference"]

KIT_ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS_DIR = KIT_ROOT / "solutions"
REFERENCE_PACKAGE = "reference_exercise_code"


def load_reference(submodule=None):
    """
    Returns the reference package (or one of its submodules, e.g. 'networks.layer').

    Inputs:
    - submodule: dotted path inside the package, or None for the package itself
    """
    if REFERENCE_PACKAGE not in sys.modules:
        package_dir = SOLUTIONS_DIR / "exercise_code"
        spec = importlib.util.spec_from_file_location(
            REFERENCE_PACKAGE, package_dir / "__init__.py", submodule_search_locations=[str(package_dir)]
        )
        package = importlib.util.module_from_spec(spec)
        sys.modules[REFERENCE_PACKAGE] = package
        spec.loader.exec_module(package)
    name = REFERENCE_PACKAGE if submodule is None else f"{REFERENCE_PACKAGE}.{submodule}"
    return importlib.import_module(name)
