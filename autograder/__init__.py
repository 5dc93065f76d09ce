"""The instructor side of the kit: release of the student files and (issue 3) the grader.

Never shipped to students: it knows where the reference solutions live.
"""
