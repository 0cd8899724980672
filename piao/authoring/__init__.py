"""Writing plans: `piao init` (and, next, rollover and diff), with comments preserved."""

from piao.authoring.diff import Differenze, diff_plans
from piao.authoring.init import Ente, InitError, init_plan
from piao.authoring.rollover import RolloverError, rollover

__all__ = [
    "Differenze",
    "Ente",
    "InitError",
    "RolloverError",
    "diff_plans",
    "init_plan",
    "rollover",
]
