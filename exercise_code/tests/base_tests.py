"""The check framework: unit tests, groups of them, and the score they give.

A ``UnitTest`` checks one thing and prints ``<Name> passed.`` or
``<Name> failed: <reason>``. A ``CompositeTest`` runs several and prints how
many passed; ``MethodTest`` and ``ClassTest`` are composites named after the
method or class they check. ``test_results_to_score`` turns the count into the
homework's ``Score: 100/100``.
"""

from abc import ABC, abstractmethod

__all__ = [
    "UnitTest",
    "CompositeTest",
    "MethodTest",
    "ClassTest",
    "SecuredScore",
    "test_results_to_score",
]


class UnitTest(ABC):
    """One check. Subclasses implement ``test``."""

    @abstractmethod
    def test(self):
        """Runs the student's code; returns None when it is right, else the reason it is wrong."""

    @property
    def name(self):
        return type(self).__name__

    def __call__(self):
        """Runs the check, prints one line, and returns True when it passed."""
        try:
            failure = self.test()
        except NotImplementedError:
            failure = "not implemented yet."
        except Exception as error:  # student code may raise anything; report it in one line
            failure = f"your code raised {type(error).__name__}: {error}"
        if failure is None:
            print(f"{self.name} passed.")
            return True
        print(f"{self.name} failed: {failure}")
        return False


class CompositeTest:
    """A group of tests; calling it runs them all and returns ``(passed, total)``."""

    def __init__(self, tests):
        self.tests = list(tests)

    @property
    def subject(self):
        """What the group checks, as named in the summary line."""
        return "your code"

    def __call__(self):
        passed = sum(bool(test()) for test in self.tests)
        total = len(self.tests)
        if passed == total:
            print(f"Congratulations! You have passed all the unit tests!!! Tests passed: {passed}/{total}")
        else:
            print(f"Some tests failed for {self.subject}. Tests passed: {passed}/{total}")
        return passed, total


class MethodTest(CompositeTest):
    """The tests of one method or function, e.g. ``SGDMomentum._update``."""

    def __init__(self, method_name, tests):
        super().__init__(tests)
        self.method_name = method_name

    @property
    def subject(self):
        return f"method {self.method_name}()"


class ClassTest(CompositeTest):
    """The tests of all the methods of one class, e.g. ``Sigmoid``."""

    def __init__(self, class_name, tests):
        super().__init__(tests)
        self.class_name = class_name

    @property
    def subject(self):
        return f"class {self.class_name}"


class SecuredScore(int):
    """A score out of 100 that prints as the homework did: ``You secured a score of: 100``."""

    def __str__(self):
        return f"You secured a score of: {int(self)}"


def test_results_to_score(test_results, verbose=True):
    """
    Inputs:
    - test_results: (passed, total) as returned by a CompositeTest
    - verbose: print ``Score: <score>/100``

    Returns:
    - score: SecuredScore, 100 * passed / total rounded down
    """
    passed, total = test_results
    score = SecuredScore(100 * passed // total if total else 0)
    if verbose:
        print(f"Score: {int(score)}/100")
    return score
