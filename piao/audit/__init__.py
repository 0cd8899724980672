"""The auditor's report (OIV / Nucleo di valutazione, revisori): for each element of DM
132/2022 arts. 2-6, present / incomplete / missing / not applicable, with evidence and the
rules behind it; HTML and PDF per plan, CSV across plans."""

from piao.audit.assess import Audit, EsitoElemento, audit_plan
from piao.audit.output import AuditFallito, prepare_audit, write_prepared

__all__ = [
    "Audit",
    "AuditFallito",
    "EsitoElemento",
    "audit_plan",
    "prepare_audit",
    "write_prepared",
]
