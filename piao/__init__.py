"""piao: the PIAO (Piano Integrato di Attività e Organizzazione) as data.

Public API:
    check_plan(folder) -> CheckResult   load, validate and check a plan folder
    load_folder(folder) -> LoadedPlan   read the YAML files with positions
"""

__version__ = "0.1.0"

from piao.engine import CheckResult, check_plan
from piao.findings import Finding, Location, Report, Severity
from piao.loading import PlanFolderError, load_folder

__all__ = [
    "CheckResult",
    "Finding",
    "Location",
    "PlanFolderError",
    "Report",
    "Severity",
    "__version__",
    "check_plan",
    "load_folder",
]
