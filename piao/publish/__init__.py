"""The transparency site and open data for «Amministrazione trasparente»."""

from piao.publish.site import publish_plan

__all__ = ["publish_plan"]
