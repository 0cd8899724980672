"""Validate a loaded plan against the models; every pydantic error becomes a located,
Italian `Finding` (codes SC...). Also checks which section files are missing or unknown.
"""

from __future__ import annotations

import datetime
import difflib
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from piao.cifre import CIFRE, COMMENTO, controlla_cifre, controlla_commenti, numero_italiano
from piao.findings import Controllo, Finding, Location, Severity, YamlPath
from piao.forme import normalizza, suggerimento_area, superati
from piao.loading import LoadedPlan, SourceMap
from piao.loading.normale import forma_normale
from piao.model import SEZIONI, SEZIONI_PER_FILE, Piano, Sezione
from piao.model.base import NON_STAMPABILI, PLACEHOLDERS, da_verificare, testo_pulito
from piao.model.introspect import members, tipo_al_percorso
from piao.stemma import CONTROLLO as STEMMA

SCHEMA_CHECKS: dict[str, Controllo] = {
    "unknown_key": Controllo(
        "SC001", "schema.chiave-sconosciuta", "Ogni chiave è prevista dallo schema della sezione."
    ),
    "missing": Controllo("SC002", "schema.campo-mancante", "I campi obbligatori sono presenti."),
    "type": Controllo(
        "SC003",
        "schema.tipo-errato",
        "Ogni valore è del tipo atteso (testo, numero, data, elenco, mappa).",
    ),
    "value": Controllo(
        "SC004",
        "schema.valore-non-ammesso",
        "Ogni valore è tra quelli ammessi (elenchi chiusi, formati, intervalli).",
    ),
    "missing_file": Controllo(
        "SC005", "schema.file-mancante", "Ci sono tutti i file di sezione richiesti dal regime."
    ),
    "unknown_file": Controllo(
        "SC006",
        "schema.file-sconosciuto",
        "Nella cartella del piano ci sono solo file di sezione.",
        Severity.WARNING,
    ),
    "placeholder": Controllo(
        "SC007", "schema.da-compilare", "Nessun valore è ancora «da compilare» o «da definire»."
    ),
    "to_verify": Controllo(
        "SC010",
        "schema.da-verificare",
        "Nessun valore portato dal piano precedente è ancora «da verificare».",
    ),
    "internal": Controllo(
        "SC011",
        "piano.errore-interno",
        "Il controllo del piano si completa senza errori interni di piao.",
    ),
    "stemma": STEMMA,
    "italian_number": CIFRE,
    "cut_text": COMMENTO,
}

_TYPE_WORDS = {
    "string": "un testo",
    "int": "un numero intero",
    "float": "un numero",
    "bool": "un valore sì/no (sì, no, true o false)",
    "date": "una data (AAAA-MM-GG)",
    "list": "un elenco",
    "dict": "una mappa di chiavi",
    "model": "una mappa di chiavi",
}

_PATTERN_MESSAGES = {
    "^[A-Z][A-Z0-9]*": "Codice non valido: usare lettere maiuscole e cifre, separate da «-», "
    "«.» o «_» (es. VP-01, OBP-2.1, UO-SEGR).",
    "^[0-9]{11}$": "Il codice fiscale dell'ente è di 11 cifre, scritto tra virgolette "
    '(es. "00123450789").',
    "^[0-9]{6}$": 'Il codice ISTAT è di 6 cifre, scritto tra virgolette (es. "058091").',
    "^[0-9]{2}$": 'La missione di bilancio è di 2 cifre, tra virgolette (es. "01").',
    "^[0-9]{4}$": 'Il programma di bilancio è di 4 cifre (missione + programma), tra virgolette (es. "0111").',
    "^https?://": "Indirizzo web non valido: deve iniziare con https:// (o http://).",
    "^[^@": "Indirizzo di posta elettronica non valido.",
    "^[A-Za-z0-9_]{2,20}$": "Codice IPA non valido: lettere, cifre e «_» (es. c_h501).",
    "^[A-Z]{2}[0-9]{3}$": "Codice di regola non valido: due lettere e tre cifre (es. PF004).",
}


class FileModello(Protocol):
    """What validation needs of a file: its name in the source map and its model (a
    `Sezione` of the plan, or a period file of `piao monitoraggio`)."""

    @property
    def file(self) -> str: ...

    @property
    def model(self) -> type[BaseModel]: ...


@dataclass(frozen=True)
class FileDaValidare:
    """A file outside the plan's sections (a period file, the RPCT's facts) as validation
    reads it: its name in the source map and its model."""

    file: str
    model: type[BaseModel]


@dataclass
class Validated:
    """Outcome of validation: the plan when every required section is valid, and findings."""

    piano: Piano | None
    findings: list[Finding]
    sections: dict[str, BaseModel]
    placeholders: dict[str, list[YamlPath]]
    """Per file, the paths of the values still «da compilare» / «da definire»."""
    parziale: Piano | None = None
    """The valid sections only, for the rules that read nothing else (None without a
    valid scheda anagrafica); `piano` itself stays None while any section is invalid."""
    incompleti: frozenset[str] = frozenset()
    """Keys of the sections whose file is present but not valid yet."""


def _placeholder_paths(node: Any, path: YamlPath = ()) -> list[YamlPath]:
    if isinstance(node, str):
        return [path] if node.strip().lower() in PLACEHOLDERS or da_verificare(node) else []
    out: list[YamlPath] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _placeholder_paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _placeholder_paths(value, (*path, i))
    return out


def _without(data: Any, drop: list[YamlPath]) -> Any:
    """A copy of `data` without the values at `drop` (keys removed, list items removed)."""
    if not drop:
        return data
    if any(len(p) == 0 for p in drop):
        return None
    sotto = _per_primo(drop)
    if isinstance(data, dict):
        return {
            k: _without(v, sotto.get(k, [])) for k, v in data.items() if () not in sotto.get(k, [])
        }
    if isinstance(data, list):
        return [
            _without(v, sotto.get(i, [])) for i, v in enumerate(data) if () not in sotto.get(i, [])
        ]
    return data


def validate_file(
    sezione: FileModello, data: Any, sources: SourceMap
) -> tuple[BaseModel | None, list[Finding], list[YamlPath]]:
    """Validate the data of one file against its model: the model (None when invalid), the
    located findings (placeholders, carried-over values, schema errors) and the paths of
    the values still to fill in."""
    return _validate_section(sezione, data, sources)


def _validate_section(
    sezione: FileModello, data: Any, sources: SourceMap
) -> tuple[BaseModel | None, list[Finding], list[YamlPath]]:
    """Validate one file. Values still «da compilare» are one finding each (SC007); where the
    schema would reject them (a date, a number, a choice) they are left out and validated
    as absent, so that the placeholder is not reported twice."""
    placeholders = _placeholder_paths(data)
    findings = [
        finding(
            "to_verify",
            f"Valore da verificare, portato dal piano precedente: «{_riportato(_value_at(data, p))}».",
            sources.locate(sezione.file, p),
            hint="Confermarlo togliendo «da verificare —» davanti al valore, o scrivere il "
            "valore aggiornato."
            + (
                f" Campo: {d}."
                if p and (d := _description(_type_at(sezione.model, p[:-1]), str(p[-1])))
                else ""
            ),
        )
        if da_verificare(_value_at(data, p))
        else finding(
            "placeholder",
            f"Valore ancora da compilare: «{_value_at(data, p)}».",
            sources.locate(sezione.file, p),
            hint=(
                f"Campo: {d}."
                if (d := _description(_type_at(sezione.model, p[:-1]), str(p[-1])))
                else None
            )
            if p
            else None,
        )
        for p in placeholders
    ]
    data = _riportati(data, [p for p in placeholders if da_verificare(_value_at(data, p))])
    try:
        return sezione.model.model_validate(data), findings, placeholders
    except ValidationError as exc:
        segnaposto = set(placeholders)
        rejected = [
            path
            for path, _ in (_resolve(data, e) for e in exc.errors(include_url=False))
            if path in segnaposto
        ]
        if not rejected:
            return None, findings + errors_to_findings(exc, sezione, sources), placeholders
        try:
            return sezione.model.model_validate(_without(data, rejected)), findings, placeholders
        except ValidationError as again:
            rest = [
                f
                for f in errors_to_findings(again, sezione, sources)
                if f.location.path not in rejected
            ]
            return None, findings + rest, placeholders


_SCALARE = re.compile(r"-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2}|true|false")


def _scalare(testo: str) -> Any:
    """The value a carried-over text stands for: a number, a date, true/false, or the text."""
    if not _SCALARE.fullmatch(testo):
        return testo
    if testo in ("true", "false"):
        return testo == "true"
    if "-" in testo[1:]:
        return datetime.date.fromisoformat(testo)
    return float(testo) if "." in testo else int(testo)


def _riportati(data: Any, paths: list[YamlPath]) -> Any:
    """A copy of `data` where each «da verificare — <valore>» stands for its value: the
    structure stays valid (the rules run on the other facts) while SC010 keeps the plan
    from being «conforme» until the office confirms or updates it."""
    if not paths:
        return data
    if any(len(p) == 0 for p in paths):
        return _scalare(_riportato(data))
    sotto = _per_primo(paths)
    if isinstance(data, dict):
        return {k: _riportati(v, sotto.get(k, [])) for k, v in data.items()}
    if isinstance(data, list):
        return [_riportati(v, sotto.get(i, [])) for i, v in enumerate(data)]
    return data


def _per_primo(paths: list[YamlPath]) -> dict[str | int, list[YamlPath]]:
    """The paths grouped by their first step, without it: a walk of the data visits each
    path once, however many items a list has (issue 15)."""
    out: dict[str | int, list[YamlPath]] = {}
    for p in paths:
        out.setdefault(p[0], []).append(p[1:])
    return out


def _riportato(value: Any) -> str:
    """The value kept after «da verificare —» (the marker itself when nothing follows)."""
    testo = str(value).strip()
    resto = testo[len("da verificare") :].lstrip(" —-:").strip()
    return resto or testo


def finding(
    kind: str,
    message: str,
    location: Location,
    *,
    severity: Severity | None = None,
    hint: str | None = None,
) -> Finding:
    return SCHEMA_CHECKS[kind].finding(message, location, severity=severity, hint=hint)


def validate_plan(loaded: LoadedPlan) -> Validated:
    """Check files present, validate each against its model, build the `Piano`."""
    findings = list(loaded.findings)
    dichiarato = _declared_regime(loaded.sources)
    # Without a readable choice every section is required: the safer assumption.
    regime = dichiarato or "ordinario"
    sections: dict[str, BaseModel] = {}
    placeholders: dict[str, list[YamlPath]] = {}

    for name in loaded.names:
        if name not in SEZIONI_PER_FILE:
            guess = _closest(name, list(SEZIONI_PER_FILE))
            findings.append(
                finding(
                    "unknown_file",
                    f"Il file «{name}» non è una sezione del piano e viene ignorato.",
                    Location(name),
                    hint=f"Forse intendevi «{guess}»?" if guess else _files_hint(),
                )
            )

    for sezione in SEZIONI:
        source = loaded.sources.files.get(sezione.file)
        if source is None:
            if regime in sezione.richiesta:
                findings.append(_missing_file(sezione, dichiarato))
            continue
        if source.data is None:
            continue  # the loader already reported why
        # Italian forms with a plain meaning (`modalità`, `sì`) read as the codes: the
        # normalised data replaces the parsed one, positions stay in the source tree.
        source.data = normalizza(sezione.model, source.data)
        model, section_findings, paths = _validate_section(sezione, source.data, loaded.sources)
        findings += section_findings
        findings += controlla_cifre(sezione.file, sezione.model, source)
        findings += controlla_commenti(sezione.file, source.text)
        if paths:
            placeholders[sezione.file] = paths
        if model is not None:
            sections[sezione.key] = model

    # The rules can run when every section file present is valid, even if a required file
    # is missing (reported above): they skip the sections that are absent.
    invalid = frozenset(
        s.key for s in SEZIONI if s.file in loaded.sources.files and s.key not in sections
    )
    parziale = Piano.model_validate(sections) if "anagrafica" in sections else None
    piano = parziale if not invalid else None
    findings.sort(key=Finding.sort_key)
    return Validated(piano, findings, sections, placeholders, parziale, invalid)


def _declared_regime(sources: SourceMap) -> str | None:
    """The regime the scheda anagrafica declares, None when it declares none readable."""
    data = sources.data("anagrafica.yaml")
    regime = data.get("regime") if isinstance(data, dict) else None
    regime = forma_normale(regime) if isinstance(regime, str) else regime
    return regime if regime in ("ordinario", "semplificato") else None


def _missing_file(sezione: Sezione, dichiarato: str | None) -> Finding:
    if sezione.richiesta == frozenset({"ordinario"}):
        regime = (
            f"regime dichiarato: {dichiarato}"
            if dichiarato
            else "nessun regime dichiarato nella scheda anagrafica: si applica l'ordinario"
        )
        why = f"obbligatoria nel regime ordinario ({regime})"
    else:
        why = "obbligatoria in entrambi i regimi"
    return finding(
        "missing_file",
        f"Manca il file «{sezione.file}»: sezione {sezione.numero} {sezione.titolo}, {why}.",
        Location(sezione.file),
        hint="Partire dal file omonimo di un piano di esempio (cartella plans/ del progetto piao).",
    )


def _files_hint() -> str:
    return "I file del piano sono: " + ", ".join(s.file for s in SEZIONI) + "."


def errors_to_findings(
    exc: ValidationError, sezione: FileModello, sources: SourceMap
) -> list[Finding]:
    data = sources.data(sezione.file)
    merged: dict[tuple[YamlPath, str], list[ErrorDetails]] = {}
    for error in exc.errors(include_url=False):
        path, kind = _resolve(data, error)
        merged.setdefault((path, kind), []).append(error)
    # A union field whose data took one branch (a list for `X | list[X]`) also gets the
    # other branches' complaints about the whole list: the errors inside it are the real ones.
    dentro = {path[:i] for path, _ in merged for i in range(len(path))}
    merged = {
        (path, kind): errors
        for (path, kind), errors in merged.items()
        if not (
            kind == "value" and path in dentro and isinstance(_value_at(data, path), list | dict)
        )
    }
    out = []
    for (path, kind), errors in merged.items():
        out.append(_to_finding(sezione, path, kind=kind, errors=errors, sources=sources, data=data))
    return out


def _resolve(data: Any, error: ErrorDetails) -> tuple[YamlPath, str]:
    """Follow the error's loc through the data: the real YAML path and the error kind.

    pydantic adds union-branch labels ("int", "str") and "[key]" to loc; they are not
    in the data and are cut here, so that all branches of one value merge into one finding.
    """
    node = data
    path: list[str | int] = []
    loc = error["loc"]
    for i, part in enumerate(loc):
        found, child = _child(node, part)
        if found:
            path.append(part)
            node = child
        elif part == "[key]":
            return tuple(path), "key"
        elif i + 1 < len(loc) and _child(node, loc[i + 1])[0]:
            continue  # the label of the union branch the data took (`X | list[X]`): go inside
        else:
            if error["type"] == "missing" and i == len(loc) - 1:
                path.append(part)
                return tuple(path), "missing"
            break
    if error["type"] == "extra_forbidden":
        return tuple(path), "unknown_key"
    return tuple(path), "value"


def _child(node: Any, part: str | int) -> tuple[bool, Any]:
    """(True, node[part]) when `part` exists in the mapping or sequence `node`."""
    if isinstance(node, dict) and part in node:
        return True, node[part]
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return True, node[part]
    return False, None


def _to_finding(
    sezione: FileModello,
    path: YamlPath,
    *,
    kind: str,
    errors: list[ErrorDetails],
    sources: SourceMap,
    data: Any,
) -> Finding:
    file = sezione.file
    parent_type = _type_at(sezione.model, path[:-1]) if path else sezione.model
    field_name = path[-1] if path else None
    if kind == "unknown_key":
        location = sources.locate(file, path, key=True)
        allowed = _allowed_keys(parent_type)
        guess = _closest(str(field_name), allowed)
        hint = f"Forse intendevi «{guess}»?" if guess else _allowed_hint(allowed)
        if _value_at(data, path) is None and not guess:
            hint = (
                "Se è il seguito di un testo con una virgola scritto tra parentesi graffe, "
                "racchiudere quel testo tra virgolette."
            )
        return finding(
            "unknown_key",
            f"Chiave {_show(field_name)} non prevista qui.",
            location,
            hint=hint,
        )
    if kind == "missing":
        location = sources.locate(file, path)
        described = _description(parent_type, str(field_name))
        extra = f" ({described})" if described else ""
        return finding("missing", f"Manca il campo obbligatorio «{field_name}»{extra}.", location)
    value = _value_at(data, path)
    location = sources.locate(file, path, key=kind == "key")
    if kind == "key":
        if _chiave_codice(_type_at(sezione.model, path[:-1])):
            return finding(
                "value",
                f"La chiave {_show(field_name)} non è un codice: usare il codice dell'oggetto "
                "del piano, in maiuscolo (es. IND-01, MIS-02).",
                location,
            )
        return finding(
            "type",
            f"La chiave «{field_name}» deve essere un anno (es. 2026).",
            location,
        )
    written = sources.written(location) if _is_scalar(value) else None
    code, message, hint = _explain(errors, value, _type_at(sezione.model, path), written)
    return finding(code, message, location, hint=hint)


def _chiave_codice(tp: Any) -> bool:
    """The keys of the mapping type `tp` are codes (texts), not years."""
    return any(
        typing.get_origin(m) is dict and str in members(typing.get_args(m)[0]) for m in members(tp)
    )


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _explain(
    errors: list[ErrorDetails], value: Any, expected: Any, written: str | None = None
) -> tuple[str, str, str | None]:
    types_ = [e["type"] for e in errors]
    first = errors[0]
    ctx = first.get("ctx") or {}
    shown = _show(value)
    if "literal_error" in types_ or "enum" in types_:
        err = errors[types_.index("literal_error" if "literal_error" in types_ else "enum")]
        allowed = [v for v in _literal_values(expected) if v not in superati()]
        listed = ", ".join(allowed) if allowed else err.get("ctx", {}).get("expected", "")
        if isinstance(value, list | dict):
            return (
                "type",
                f"Qui va un solo valore tra: {listed}; {_trovato(value)}.",
                "Scegliere uno solo dei valori ammessi, scritto dopo i due punti "
                "(senza trattino né parentesi quadre).",
            )
        as_written = written or str(value)
        if not isinstance(value, str) and as_written in allowed:
            # YAML read a section number such as 2.2 as a number.
            return (
                "type",
                f"«{as_written}» è letto come un numero, ma qui va uno dei testi ammessi "
                f"({listed}).",
                f'Scrivere il valore tra virgolette: "{as_written}".',
            )
        guess = _closest(str(value), allowed)
        hint = suggerimento_area(str(value)) if "istruttori" in allowed else None
        if hint is None and guess:
            hint = f"Forse intendevi «{guess}»?"
        return "value", f"Valore {shown} non ammesso. Valori ammessi: {listed}.", hint
    if "string_unicode" in types_ and isinstance(value, str):
        # pydantic refuses a lone surrogate before any validator sees the text.
        try:
            testo_pulito(value)
        except ValueError as exc:
            return "value", str(exc), None
    if "string_unicode" in types_ and isinstance(value, dict):
        for chiave in value:
            if isinstance(chiave, str) and NON_STAMPABILI.search(chiave):
                return (
                    "value",
                    f"La chiave {_show(chiave)} contiene un carattere non stampabile: "
                    "toglierlo o riscrivere la chiave.",
                    None,
                )
    if "value_error" in types_:
        # The models' own checks (texts, triennio) raise a ValueError with an Italian message.
        errore = (errors[types_.index("value_error")].get("ctx") or {}).get("error")
        return "value", str(errore), None
    if "finite_number" in types_:
        return (
            "value",
            f"Il valore {shown} non è un numero finito: qui va un numero vero e proprio.",
            "In YAML .nan, .inf e -.inf non sono numeri: scrivere il valore (es. 1250000.50).",
        )
    if "string_pattern_mismatch" in types_:
        pattern = str(errors[types_.index("string_pattern_mismatch")]["ctx"]["pattern"])
        for prefix, text in _PATTERN_MESSAGES.items():
            if pattern.startswith(prefix):
                return "value", f"{text} Trovato: {shown}.", None
        return "value", f"Formato non valido: {shown}.", None
    if "string_too_short" in types_:
        return "value", "Il testo non può essere vuoto.", None
    if "string_too_long" in types_:
        return "value", f"Testo troppo lungo (massimo {ctx.get('max_length')} caratteri).", None
    if "too_short" in types_:
        return "value", f"Servono almeno {ctx.get('min_length')} elementi.", None
    if "too_long" in types_:
        return "value", f"Ammessi al massimo {ctx.get('max_length')} elementi.", None
    for bound, words in (
        ("greater_than_equal", "almeno"),
        ("less_than_equal", "al massimo"),
        ("greater_than", "maggiore di"),
        ("less_than", "minore di"),
    ):
        if bound in types_:
            limit = next(iter(errors[types_.index(bound)]["ctx"].values()))
            if isinstance(value, datetime.date):
                limite = datetime.date.fromisoformat(str(limit))
                return (
                    "value",
                    f"La data {shown} è fuori dall'intervallo plausibile: deve essere "
                    f"{'dal' if bound.startswith('greater') else 'entro il'} "
                    f"{limite.strftime('%d/%m/%Y')}.",
                    "Controllare l'anno (es. 2026 e non 20260 o 1026).",
                )
            return (
                "value",
                f"Il valore {_show(_breve(value))} non è ammesso: deve essere {words} "
                f"{_limite(limit)}.",
                None,
            )
    return _explain_type(types_, value, shown, written, expected)


def _explain_type(
    types_: list[str], value: Any, shown: str, written: str | None, expected_type: Any = None
) -> tuple[str, str, str | None]:
    wanted: list[str] = []
    for t in types_:
        base = t.split("_")[0]
        if t.startswith(("model_", "dataclass_")):
            base = "model"
        word = _TYPE_WORDS.get(base)
        if word and word not in wanted:
            wanted.append(word)
    expected = " o ".join(wanted) if wanted else "un valore di altro tipo"
    hint = None
    if "string" in (t.split("_")[0] for t in types_) and isinstance(
        value, int | float | datetime.date
    ):
        # As written, not as YAML read it: 00123450987 keeps its zeros.
        hint = f'Scrivere il valore tra virgolette: "{written or value}".'
    elif any(t.startswith("date") for t in types_) and isinstance(value, str):
        hint = "Scrivere la data come AAAA-MM-GG senza virgolette (es. 2026-01-31); controllare che esista."
    elif (
        any(t.startswith(("float", "int")) for t in types_)
        and isinstance(value, str)
        and (numero := numero_italiano(value))
    ):
        hint = (
            f"Scrivere {numero}: in YAML i decimali vanno dopo il punto e le migliaia "
            "non si separano."
        )
    elif any(t.startswith(("float", "int")) for t in types_) and isinstance(value, str):
        hint = "Scrivere il numero senza virgolette, con il punto per i decimali e senza separatore delle migliaia (es. 1250000.50)."
    elif any(t.startswith("bool") for t in types_):
        hint = "Scrivere sì o no (oppure true o false)."
    elif "una mappa di chiavi" in wanted and (keys := _allowed_keys(expected_type)):
        hint = (
            "Scrivere sotto questa chiave, una per riga e rientrate di due spazi, le chiavi: "
            + ", ".join(keys)
            + "."
        )
    return "type", f"Qui va {expected}; {_trovato(value)} {shown}.".replace(" .", "."), hint


def _limite(limit: Any) -> Any:
    """A bound as a reader writes it: 1e13 is 10.000.000.000.000, 100.0 is 100."""
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    if isinstance(limit, int) and abs(limit) >= 10_000:
        return f"{limit:,}".replace(",", ".")
    return limit


def _breve(value: Any) -> Any:
    """A number too long to read (26 digits) in scientific notation."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**16:
        return f"{value:.3e}"
    return value


def _trovato(value: Any) -> str:
    """«trovato il numero», «trovata la data»: the participle agrees with what was found."""
    cosa = _kind(value)
    femminile = cosa.startswith(("la ", "una "))
    return f"{'trovata' if femminile else 'trovato'} {cosa}"


def _kind(value: Any) -> str:
    if value is None:
        return "un valore vuoto"
    if isinstance(value, bool):
        return "il valore sì/no"
    if isinstance(value, int | float):
        return "il numero"
    if isinstance(value, datetime.date):
        return "la data"
    if isinstance(value, str):
        return "il testo"
    if isinstance(value, list):
        return "un elenco"
    if isinstance(value, dict):
        return "una mappa"
    return "il valore"


def _show(value: Any) -> str:
    if isinstance(value, dict | list) or value is None:
        return ""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    # A value quoted in a message never carries its control characters or lone surrogates.
    text = NON_STAMPABILI.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return f"«{text}»"


def _value_at(data: Any, path: YamlPath) -> Any:
    node = data
    for part in path:
        found, node = _child(node, part)
        if not found:
            return None
    return node


# --- walking the model types along a YAML path -------------------------------------------


def _type_at(model: Any, path: Iterable[str | int]) -> Any:
    """The declared type at `path` inside `model` (best effort; None when unknown)."""
    trovato = tipo_al_percorso(model, path)
    return None if trovato is None else trovato[0]


def _allowed_keys(tp: Any) -> list[str]:
    for member in members(tp):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return list(member.model_fields)
    return []


def _description(tp: Any, name: str) -> str | None:
    for member in members(tp):
        if isinstance(member, type) and issubclass(member, BaseModel):
            field = member.model_fields.get(name)
            if field is not None and field.description:
                return field.description.rstrip(".")
    return None


def _literal_values(tp: Any) -> list[str]:
    values: list[str] = []
    for member in members(tp):
        if typing.get_origin(member) is Literal:
            values.extend(str(v) for v in typing.get_args(member))
    return values


def _closest(word: str, options: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _allowed_hint(allowed: list[str]) -> str | None:
    if not allowed:
        return None
    return "Chiavi ammesse: " + ", ".join(allowed) + "."
