"""The elements of a PIAO an auditor verifies, in the order of DM 132/2022 (arts. 2-6), with
where each one lives in the plan files and which rules test it."""

from __future__ import annotations

from dataclasses import dataclass

from piao.findings import YamlPath
from piao.model import SEZIONI
from piao.model.regime import ENTRAMBI as TUTTI
from piao.model.regime import ORDINARIO as ORD
from piao.model.regime import Regime


@dataclass(frozen=True)
class Elemento:
    id: str
    sezione: str
    titolo: str
    file: str
    paths: tuple[YamlPath, ...]
    """Where the element is: present when one of these paths holds a non-empty value."""
    regole: tuple[str, ...]
    basis: tuple[str, ...]
    regimi: frozenset[Regime] = TUTTI
    solo_prefissi: bool = False
    """Count a rule's findings only when they point inside `paths` (rules shared by elements)."""
    se_concorsi: bool = False
    """Applies only when the plan programmes hires by concorso."""
    solo_comuni: bool = False
    """Applies only to comuni (anagrafica «ente.tipologia»)."""
    nel_file: tuple[str, ...] = ()
    """Rules checked across files whose findings count here only when they point into
    `file` (CO012 names in the scheda anagrafica for 1.1, unit heads for 3.1.1)."""


def _sezioni_audit() -> tuple[tuple[str, str], ...]:
    """(number, title) of each PIAO section, from the section table; files that share a
    number (3.3: staffing and training) share one heading."""
    titoli: dict[str, list[str]] = {}
    for s in SEZIONI:
        titoli.setdefault(s.numero, []).append(s.titolo)
    return tuple(
        (numero, t[0] + "".join(f" e {x[0].lower()}{x[1:]}" for x in t[1:]))
        for numero, t in titoli.items()
    )


SEZIONI_AUDIT = _sezioni_audit()

A, VP, PF, RC = (
    "anagrafica.yaml",
    "valore_pubblico.yaml",
    "performance.yaml",
    "rischi_corruttivi.yaml",
)
OR, LA, FP, FO = (
    "organizzazione.yaml",
    "lavoro_agile.yaml",
    "fabbisogni_personale.yaml",
    "formazione.yaml",
)
PO, MO = "pari_opportunita.yaml", "monitoraggio.yaml"

ELEMENTI: tuple[Elemento, ...] = (
    Elemento(
        "1.1",
        "1",
        "Dati identificativi dell'ente e soggetti responsabili",
        A,
        (("ente",),),
        ("AN001", "AN023", "CO012"),
        ("DM132-2",),
        nel_file=("CO012",),
    ),
    Elemento(
        "1.2",
        "1",
        "Regime e personale al 31 dicembre",
        A,
        (("regime",),),
        ("AN002", "AN003", "AN004"),
        ("DM132-6", "DL80-6-1"),
    ),
    Elemento(
        "1.3",
        "1",
        "Triennio di riferimento",
        A,
        (("triennio",),),
        ("AN005",),
        ("DL80-6-2", "DM132-7"),
    ),
    Elemento(
        "1.4",
        "1",
        "Adozione entro il termine",
        A,
        (("adozione", "delibera"),),
        ("AN006", "AN007", "AN008", "AN020", "AN021"),
        ("DM132-7", "DM132-8-2"),
    ),
    Elemento(
        "1.5",
        "1",
        "Pubblicazione e invio al Portale PIAO",
        A,
        (("pubblicazione",),),
        ("AN009", "AN010", "AN011", "AN014"),
        ("DL80-6-4",),
    ),
    Elemento(
        "1.6",
        "1",
        "Coerenza con DUP e bilancio",
        A,
        (("programmazione_finanziaria", "dup"),),
        ("FP008", "AN022"),
        ("DM132-8-1",),
    ),
    Elemento(
        "2.1.1",
        "2.1",
        "Obiettivi di valore pubblico collegati al DUP, con indicatori",
        VP,
        (("obiettivi",),),
        ("VP004", "VP005", "VP006", "VP007", "VP009", "CO008"),
        ("DM132-3-1a",),
        ORD,
    ),
    Elemento(
        "2.1.2",
        "2.1",
        "Azioni per la piena accessibilità fisica e digitale",
        VP,
        (("accessibilita",),),
        ("VP001", "VP002"),
        ("DM132-3-1a", "DL179-9-7"),
        ORD,
    ),
    Elemento(
        "2.1.3",
        "2.1",
        "Procedure da semplificare e reingegnerizzare",
        VP,
        (("semplificazione",), ("motivazione_semplificazione",)),
        ("VP003",),
        ("DM132-3-1a",),
        ORD,
    ),
    Elemento(
        "2.1.4",
        "2.1",
        "Obiettivi di risparmio energetico",
        VP,
        (("risparmio_energetico",),),
        ("VP008",),
        ("CIRC-DFP-2-2022",),
        ORD,
    ),
    Elemento(
        "2.2.1",
        "2.2",
        "Obiettivi di performance con indicatori e target annuali",
        PF,
        (("obiettivi",),),
        ("PF001", "PF002", "PF004", "PF005", "PF006", "PF007", "PF008", "CO011", "CO002"),
        ("DM132-3-1b", "DLGS150-5"),
        ORD,
    ),
    Elemento(
        "2.2.2",
        "2.2",
        "Obiettivi di semplificazione, digitalizzazione, accessibilità e pari opportunità",
        PF,
        (("obiettivi",),),
        ("PF003",),
        ("DM132-3-1b",),
        ORD,
    ),
    Elemento(
        "2.3.1",
        "2.3",
        "RPCT e obiettivi strategici anticorruzione",
        RC,
        (("obiettivi_strategici",), ("redazione",)),
        ("RC001", "RC003", "RC020", "RC021", "RC012", "RC018"),
        ("DM132-3-1c", "L190-1-8"),
    ),
    Elemento(
        "2.3.2",
        "2.3",
        "Analisi del contesto esterno",
        RC,
        (("contesto_esterno",),),
        ("RC002",),
        ("DM132-3-1c",),
        TUTTI,
        True,
    ),
    Elemento(
        "2.3.3",
        "2.3",
        "Analisi del contesto interno",
        RC,
        (("contesto_interno",),),
        ("RC002", "AN004"),
        ("DM132-3-1c",),
        TUTTI,
        True,
    ),
    Elemento(
        "2.3.4",
        "2.3",
        "Mappatura dei processi",
        RC,
        (("processi",),),
        ("RC004", "RC005", "CO010", "RC019", "RC023", "RC026"),
        ("DM132-3-1c", "DM132-6", "L190-1-16"),
    ),
    Elemento(
        "2.3.5",
        "2.3",
        "Identificazione e valutazione dei rischi",
        RC,
        (("processi",),),
        ("RC006", "RC007", "RC024", "RC025"),
        ("DM132-3-1c", "PNA2019-A1"),
    ),
    Elemento(
        "2.3.6",
        "2.3",
        "Misure generali e specifiche programmate",
        RC,
        (("misure",),),
        ("RC008", "RC009", "RC010", "RC011", "CO004"),
        ("DM132-3-1c", "PNA2019-A1"),
    ),
    Elemento(
        "2.3.7",
        "2.3",
        "Monitoraggio delle misure",
        RC,
        (("monitoraggio",),),
        ("RC002",),
        ("DM132-3-1c",),
        TUTTI,
        True,
    ),
    Elemento(
        "2.3.8",
        "2.3",
        "Trasparenza e accesso civico",
        RC,
        (("trasparenza",),),
        ("RC013", "RC014", "RC015", "RC016", "RC017", "RC022"),
        ("DM132-3-1c", "DLGS33-10"),
    ),
    Elemento(
        "3.1.1",
        "3.1",
        "Modello organizzativo e unità",
        OR,
        (("unita",),),
        ("OR001", "OR002", "OR003", "OR004", "OR005", "CO003", "CO012"),
        ("DM132-4-1a",),
        nel_file=("CO012",),
    ),
    Elemento(
        "3.2.1",
        "3.2",
        "I cinque contenuti obbligatori del lavoro agile",
        LA,
        (("requisiti",),),
        ("LA001", "LA002", "LA003", "LA004"),
        ("DM132-4-1b",),
    ),
    Elemento(
        "3.3.1",
        "3.3",
        "Personale al 31 dicembre per area",
        FP,
        (("consistenza",),),
        ("FP001", "FP002", "FP010"),
        ("DM132-4-1c",),
        ORD,
    ),
    Elemento(
        "3.3.2",
        "3.3",
        "Capacità assunzionale",
        FP,
        (("capacita_assunzionale",),),
        ("FP005", "FP006", "FP007", "FP011", "FP013", "FP014", "FP017", "FP018"),
        ("DM132-4-1c", "DM-17-03-2020"),
        ORD,
    ),
    # The L. 296/2006 cap is its own constraint, not part of the DM 17/3/2020 capacity.
    Elemento(
        "3.3.3",
        "3.3",
        "Limite alla spesa di personale (art. 1 c.557-quater e c.562 L. 296/2006)",
        FP,
        (("limite_spesa",),),
        ("FP015",),
        ("L296-1-557quater", "L296-1-562", "DM-17-03-2020-7"),
        ORD,
        solo_comuni=True,
    ),
    Elemento(
        "3.3.4",
        "3.3",
        "Cessazioni e stima dell'evoluzione dei fabbisogni",
        FP,
        (("stima_evoluzione_fabbisogni",),),
        ("FP003", "FP004", "FP009"),
        ("DM132-4-1c", "DM132-6"),
    ),
    Elemento(
        "3.3.5",
        "3.3",
        "Strategie di copertura e assunzioni programmate",
        FP,
        (("strategia_copertura",),),
        ("FP003", "CO005", "FP012", "FP016"),
        ("DM132-4-1c",),
        ORD,
    ),
    Elemento(
        "3.3.6",
        "3.3",
        "Eccedenze di personale",
        FP,
        (("eccedenze",),),
        ("FP003",),
        ("DM132-4-1c",),
        ORD,
    ),
    Elemento(
        "3.3.7",
        "3.3",
        "Strategie e piano della formazione",
        FO,
        (("corsi",), ("priorita",)),
        ("FO001", "FO002", "FO003", "FO004", "CO006"),
        ("DM132-4-1c", "DIR-FORM-2025"),
        ORD,
    ),
    Elemento(
        "PAP.1",
        "PAP",
        "Azioni positive per la parità di genere",
        PO,
        (("azioni",), ("atto_separato",)),
        ("PO002", "PO003", "PO004", "PO005", "PO007", "PO008"),
        ("DLGS198-48", "DPR81-1-1"),
        regimi=ORD,
    ),
    Elemento(
        "PAP.2",
        "PAP",
        "Commissioni di concorso con almeno un terzo di donne",
        PO,
        (("commissioni_concorso",),),
        ("PO001", "PO006"),
        ("DLGS165-57-1a",),
        regimi=ORD,
        se_concorsi=True,
    ),
    Elemento(
        "4.1",
        "4",
        "Strumenti, soggetti e tempi del monitoraggio",
        MO,
        (("sezioni",),),
        ("MO001", "CO009", "MO003"),
        ("DM132-5",),
        ORD,
    ),
    Elemento(
        "4.2",
        "4",
        "Rilevazioni della soddisfazione degli utenti",
        MO,
        (("soddisfazione_utenti",), ("carte_servizi",)),
        ("MO002",),
        ("DM132-5",),
        ORD,
    ),
)
