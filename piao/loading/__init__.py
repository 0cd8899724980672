"""Reading plan folders. The only package that imports ruamel.yaml."""

from piao.loading.plan import (
    YAML_CHECKS,
    LoadedPlan,
    PlanFolderError,
    SourceFile,
    SourceMap,
    cartella_ente,
    load_folder,
    readable_folder,
)
from piao.loading.yamlio import plain

__all__ = [
    "YAML_CHECKS",
    "LoadedPlan",
    "PlanFolderError",
    "SourceFile",
    "SourceMap",
    "cartella_ente",
    "load_folder",
    "plain",
    "readable_folder",
]
