"""Install the student package ``exercise_code`` and the instructor package ``autograder``."""

import re
from pathlib import Path

from setuptools import find_packages, setup

VERSION = re.search(r'__version__ = "(.+)"', Path("exercise_code/__init__.py").read_text()).group(1)

setup(
    name="dl-assignment-kit",
    version=VERSION,
    description="Deep-learning assignments with instant student checks and a sandboxed autograder",
    long_description=Path("README.md").read_text(),
    long_description_content_type="text/markdown",
    python_requires=">=3.10",
    packages=find_packages(include=["exercise_code", "exercise_code.*", "autograder", "autograder.*"]),
    package_data={"exercise_code": ["tests/data/*.npz"]},
    entry_points={"console_scripts": ["grade = autograder.cli:main"]},
    install_requires=[
        "numpy>=1.24",
        # Any torch >= 2.0 works; Colab ships one, and `make` installs the CPU build first.
        "torch>=2.0",
        "matplotlib>=3.7",
        "tqdm>=4.60",
    ],
    extras_require={
        "dev": [
            "pytest>=7",
            "pytest-xdist>=3",
            "nbformat>=5.9",
            "nbclient>=0.8",
            "nbconvert>=7",
            "ipykernel>=6",
            "nbgrader>=0.9",
        ],
    },
)
