"""Command line interface: `piao check`, `piao schema`.

Commands only parse options, call the library, choose a reporter and set the exit code:
0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, I/O or internal error.
"""

from piao.cli.app import app, main

__all__ = ["app", "main"]
