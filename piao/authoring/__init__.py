"""Writing plans: `piao init` (and, next, rollover and diff), with comments preserved."""

from piao.authoring.init import Ente, InitError, init_plan
from piao.authoring.rollover import RolloverError, rollover

__all__ = ["Ente", "InitError", "RolloverError", "init_plan", "rollover"]
