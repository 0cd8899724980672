"""The findings of reading a spreadsheet into the plan (TE): an office's own sheet through a
declared column mapping (`piao fogli tabella`). Here, with the YAML checks, below the
catalogue, so that `piao rules TE003` explains them; the readers are in piao/fogli/."""

from __future__ import annotations

from piao.findings import Controllo, Severity

COLONNA_IGNOTA = Controllo(
    "TE001",
    "tabella.colonna-non-mappata",
    "Ogni colonna del foglio è nel tracciato o tra quelle da ignorare.",
    Severity.WARNING,
)
COLONNA_ASSENTE = Controllo(
    "TE002", "tabella.colonna-assente", "Ogni colonna del tracciato si trova nel foglio."
)
VALORE_IGNOTO = Controllo(
    "TE003",
    "tabella.valore-non-ammesso",
    "Ogni valore è nell'elenco chiuso del campo o ha una traduzione nel tracciato.",
)
FUORI_ALBERO = Controllo(
    "TE004",
    "tabella.sottosezione",
    "Le sotto-sezioni sono quelle dell'albero di Amministrazione trasparente (del. ANAC 1310/2016).",
)
CELLA_VUOTA = Controllo(
    "TE005", "tabella.cella-obbligatoria", "Le celle obbligatorie di ogni riga sono compilate."
)
NON_VALIDO = Controllo(
    "TE006",
    "tabella.valore-non-valido",
    "Ogni valore ha la forma che il modello del piano richiede.",
)
DISCORDE = Controllo(
    "TE007",
    "tabella.valori-discordi",
    "Le righe dello stesso processo non si contraddicono.",
    Severity.WARNING,
)
RIGA_ORFANA = Controllo(
    "TE008",
    "tabella.riga-fuori-tracciato",
    "Ogni riga con dati ha almeno una colonna del tracciato.",
    Severity.WARNING,
)

FORMULA = Controllo(
    "TE009",
    "tabella.formula-senza-valore",
    "Ogni formula del foglio ha il suo valore calcolato.",
)

TABELLA_CHECKS: dict[str, Controllo] = {
    COLONNA_IGNOTA.code: COLONNA_IGNOTA,
    COLONNA_ASSENTE.code: COLONNA_ASSENTE,
    VALORE_IGNOTO.code: VALORE_IGNOTO,
    FUORI_ALBERO.code: FUORI_ALBERO,
    CELLA_VUOTA.code: CELLA_VUOTA,
    NON_VALIDO.code: NON_VALIDO,
    DISCORDE.code: DISCORDE,
    RIGA_ORFANA.code: RIGA_ORFANA,
    FORMULA.code: FORMULA,
}
