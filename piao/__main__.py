"""`python -m piao ...` runs the command line."""

from piao.cli import main

main()
