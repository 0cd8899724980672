"""The elements of a PIAO an auditor verifies, in the order of DM 132/2022 (arts. 2-6), with
where each one lives in the plan files and which rules test it."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache

from piao.findings import YamlPath
from piao.model import SEZIONI
from piao.model.piano import SEZIONI_PER_FILE
from piao.model.regime import ENTRAMBI as TUTTI
from piao.model.regime import ORDINARIO as ORD
from piao.model.regime import Regime
from piao.render.sezioni.rischi_corruttivi import CAPITOLI
from piao.render.view import Intestazione, indice


@dataclass(frozen=True)
class Elemento:
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
    `file` (CO012 names in the scheda anagrafica for 1 a), unit heads for 3.1)."""
    capitolo: str | None = None
    """The sub-part of the file's heading that prints the element (2.3.1 Contesto esterno)."""

    @property
    def sezione(self) -> str:
        """The number of the element's section in the Piano tipo («2.3», «PAP»)."""
        return SEZIONI_PER_FILE[self.file].numero

    @property
    def intestazione(self) -> Intestazione:
        """The heading of the document that prints the element."""
        return _intestazione(self.file, self.capitolo)

    @property
    def id(self) -> str:
        """The number of that heading, with a letter when it prints several elements
        («2.3.1», «1 a)», «Piano di azioni positive b)»)."""
        return _numeri()[self]


def _intestazione(file: str, capitolo: str | None) -> Intestazione:
    chiave = SEZIONI_PER_FILE[file].key
    candidati = [i for i in indice() if i.chiave == chiave and i.capitolo == capitolo]
    # Premessa and Sezione 1 both print the scheda anagrafica: the numbered one holds it.
    return next((i for i in candidati if i.numero is not None), candidati[0])


@cache
def _numeri() -> dict[Elemento, str]:
    per_intestazione: dict[str, list[Elemento]] = {}
    for e in ELEMENTI:
        per_intestazione.setdefault(e.intestazione.ancora, []).append(e)
    out: dict[Elemento, str] = {}
    for elementi in per_intestazione.values():
        i = elementi[0].intestazione
        base = i.numero or i.titolo
        for lettera, e in zip(string.ascii_lowercase, elementi, strict=False):
            out[e] = base if len(elementi) == 1 else f"{base} {lettera})"
    return out


def _sezioni_audit() -> tuple[tuple[str, str], ...]:
    """(number in the Piano tipo, heading as the document prints it) of each section, in
    the document's order; files that share a number (3.3) share its heading."""
    posizione = {i.ancora: n for n, i in enumerate(indice())}
    sezioni: dict[str, Intestazione] = {}
    for s in SEZIONI:
        if s.numero not in sezioni:
            numerata = [i for i in indice() if i.numero == s.numero]
            sezioni[s.numero] = numerata[0] if numerata else _intestazione(s.file, None)
    ordine = sorted(sezioni.items(), key=lambda x: posizione[x[1].ancora])
    return tuple((numero, i.etichetta) for numero, i in ordine)


SEZIONI_AUDIT = _sezioni_audit()

ESTERNO, INTERNO, MAPPATURA, MISURE, MONITORAGGIO, TRASPARENZA = CAPITOLI

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
        "Dati identificativi dell'ente e soggetti responsabili",
        A,
        (("ente",),),
        ("AN001", "AN023", "CO012"),
        ("DM132-2",),
        nel_file=("CO012",),
    ),
    Elemento(
        "Regime e personale al 31 dicembre",
        A,
        (("regime",),),
        ("AN002", "AN003", "AN004"),
        ("DM132-6", "DL80-6-1"),
    ),
    Elemento(
        "Triennio di riferimento",
        A,
        (("triennio",),),
        ("AN005",),
        ("DL80-6-2", "DM132-7"),
    ),
    Elemento(
        "Adozione entro il termine",
        A,
        (("adozione", "delibera"),),
        ("AN006", "AN007", "AN008", "AN020", "AN021"),
        ("DM132-7", "DM132-8-2"),
    ),
    Elemento(
        "Pubblicazione e invio al Portale PIAO",
        A,
        (("pubblicazione",),),
        ("AN009", "AN010", "AN011", "AN014"),
        ("DL80-6-4",),
    ),
    Elemento(
        "Coerenza con DUP e bilancio",
        A,
        (("programmazione_finanziaria", "dup"),),
        ("FP008", "AN022"),
        ("DM132-8-1",),
    ),
    Elemento(
        "Obiettivi di valore pubblico collegati al DUP, con indicatori",
        VP,
        (("obiettivi",),),
        ("VP004", "VP005", "VP006", "VP007", "VP009", "CO008"),
        ("DM132-3-1a",),
        ORD,
    ),
    Elemento(
        "Azioni per la piena accessibilità fisica e digitale",
        VP,
        (("accessibilita",),),
        ("VP001", "VP002"),
        ("DM132-3-1a", "DL179-9-7"),
        ORD,
    ),
    Elemento(
        "Procedure da semplificare e reingegnerizzare",
        VP,
        (("semplificazione",), ("motivazione_semplificazione",)),
        ("VP003",),
        ("DM132-3-1a",),
        ORD,
    ),
    Elemento(
        "Obiettivi di risparmio energetico",
        VP,
        (("risparmio_energetico",),),
        ("VP008",),
        ("CIRC-DFP-2-2022",),
        ORD,
    ),
    Elemento(
        "Obiettivi di performance con indicatori e target annuali",
        PF,
        (("obiettivi",),),
        ("PF001", "PF002", "PF004", "PF005", "PF006", "PF007", "PF008", "CO011", "CO002"),
        ("DM132-3-1b", "DLGS150-5"),
        ORD,
    ),
    Elemento(
        "Obiettivi di semplificazione, digitalizzazione, accessibilità e pari opportunità",
        PF,
        (("obiettivi",),),
        ("PF003",),
        ("DM132-3-1b",),
        ORD,
    ),
    Elemento(
        "RPCT e obiettivi strategici anticorruzione",
        RC,
        (("obiettivi_strategici",), ("redazione",)),
        ("RC001", "RC003", "RC020", "RC021", "RC012", "RC018"),
        ("DM132-3-1c", "L190-1-8"),
    ),
    Elemento(
        "Analisi del contesto esterno",
        RC,
        (("contesto_esterno",),),
        ("RC002",),
        ("DM132-3-1c",),
        TUTTI,
        True,
        capitolo=ESTERNO,
    ),
    Elemento(
        "Analisi del contesto interno",
        RC,
        (("contesto_interno",),),
        ("RC002", "AN004"),
        ("DM132-3-1c",),
        TUTTI,
        True,
        capitolo=INTERNO,
    ),
    Elemento(
        "Mappatura dei processi",
        RC,
        (("processi",),),
        ("RC004", "RC005", "CO010", "RC019", "RC023", "RC026"),
        ("DM132-3-1c", "DM132-6", "L190-1-16"),
        capitolo=MAPPATURA,
    ),
    Elemento(
        "Identificazione e valutazione dei rischi",
        RC,
        (("processi",),),
        ("RC006", "RC007", "RC024", "RC025"),
        ("DM132-3-1c", "PNA2019-A1"),
        capitolo=MAPPATURA,
    ),
    Elemento(
        "Misure generali e specifiche programmate",
        RC,
        (("misure",),),
        ("RC008", "RC009", "RC010", "RC011", "CO004"),
        ("DM132-3-1c", "PNA2019-A1"),
        capitolo=MISURE,
    ),
    Elemento(
        "Monitoraggio delle misure",
        RC,
        (("monitoraggio",),),
        ("RC002",),
        ("DM132-3-1c",),
        TUTTI,
        True,
        capitolo=MONITORAGGIO,
    ),
    Elemento(
        "Trasparenza e accesso civico",
        RC,
        (("trasparenza",),),
        ("RC013", "RC014", "RC015", "RC016", "RC017", "RC022"),
        ("DM132-3-1c", "DLGS33-10"),
        capitolo=TRASPARENZA,
    ),
    Elemento(
        "Modello organizzativo e unità",
        OR,
        (("unita",),),
        ("OR001", "OR002", "OR003", "OR004", "OR005", "CO003", "CO012"),
        ("DM132-4-1a",),
        nel_file=("CO012",),
    ),
    Elemento(
        "I cinque contenuti obbligatori del lavoro agile",
        LA,
        (("requisiti",),),
        ("LA001", "LA002", "LA003", "LA004"),
        ("DM132-4-1b",),
    ),
    Elemento(
        "Personale al 31 dicembre per area",
        FP,
        (("consistenza",),),
        ("FP001", "FP002", "FP010"),
        ("DM132-4-1c",),
        ORD,
    ),
    Elemento(
        "Capacità assunzionale",
        FP,
        (("capacita_assunzionale",),),
        ("FP005", "FP006", "FP007", "FP011", "FP013", "FP014", "FP017", "FP018"),
        ("DM132-4-1c", "DM-17-03-2020"),
        ORD,
    ),
    # The L. 296/2006 cap is its own constraint, not part of the DM 17/3/2020 capacity.
    Elemento(
        "Limite alla spesa di personale (art. 1 c.557-quater e c.562 L. 296/2006)",
        FP,
        (("limite_spesa",),),
        ("FP015",),
        ("L296-1-557quater", "L296-1-562", "DM-17-03-2020-7"),
        ORD,
        solo_comuni=True,
    ),
    Elemento(
        "Cessazioni e stima dell'evoluzione dei fabbisogni",
        FP,
        (("stima_evoluzione_fabbisogni",),),
        ("FP003", "FP004", "FP009"),
        ("DM132-4-1c", "DM132-6"),
    ),
    Elemento(
        "Strategie di copertura e assunzioni programmate",
        FP,
        (("strategia_copertura",),),
        ("FP003", "CO005", "FP012", "FP016"),
        ("DM132-4-1c",),
        ORD,
    ),
    Elemento(
        "Eccedenze di personale",
        FP,
        (("eccedenze",),),
        ("FP003",),
        ("DM132-4-1c",),
        ORD,
    ),
    Elemento(
        "Strategie e piano della formazione",
        FO,
        (("corsi",), ("priorita",)),
        ("FO001", "FO002", "FO003", "FO004", "CO006"),
        ("DM132-4-1c", "DIR-FORM-2025"),
        ORD,
    ),
    Elemento(
        "Strumenti, soggetti e tempi del monitoraggio",
        MO,
        (("sezioni",),),
        ("MO001", "CO009", "MO003"),
        ("DM132-5",),
        ORD,
    ),
    Elemento(
        "Rilevazioni della soddisfazione degli utenti",
        MO,
        (("soddisfazione_utenti",), ("carte_servizi",)),
        ("MO002",),
        ("DM132-5",),
        ORD,
    ),
    Elemento(
        "Azioni positive per la parità di genere",
        PO,
        (("azioni",), ("atto_separato",)),
        ("PO002", "PO003", "PO004", "PO005", "PO007", "PO008"),
        ("DLGS198-48", "DPR81-1-1"),
        regimi=ORD,
    ),
    Elemento(
        "Commissioni di concorso con almeno un terzo di donne",
        PO,
        (("commissioni_concorso",),),
        ("PO001", "PO006"),
        ("DLGS165-57-1a",),
        regimi=ORD,
        se_concorsi=True,
    ),
)
