"""The student package of the deep-learning assignment kit.

Students fill in the TODO regions of the modules below; the check classes in
``exercise_code.tests`` tell them at once whether each function is right.
"""

__version__ = "0.1.0"
