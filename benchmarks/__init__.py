"""careplan's benchmark suite: `python -m benchmarks` (see benchmarks/README.md).

Not part of the tests: it measures, it does not judge a change on its own. Nothing is imported
here, so a child process started for one measurement loads only what that measurement needs.
"""
