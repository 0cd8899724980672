"""Run piao from a checkout without installing it: `python cli.py check PLAN_DIR`."""

from piao.cli import main

if __name__ == "__main__":
    main()
