"""Writing plans: `piao init` (and, next, rollover and diff), with comments preserved."""

from piao.authoring.init import Ente, InitError, init_plan

__all__ = ["Ente", "InitError", "init_plan"]
