"""Read a plan folder: every `*.yaml` file, with positions, into a `LoadedPlan`.

The loader never raises on bad content: unreadable bytes, YAML errors, duplicate keys,
foreign tags, files that are not a mapping — each becomes a `Finding` with a place. It
raises `PlanFolderError` only when there is no folder to read (a usage error, exit 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from piao.ambiente import max_file_mb
from piao.findings import Controllo, Finding, Location, Severity, YamlPath
from piao.loading.normale import forma_normale
from piao.loading.posizioni import Nodo, chiavi, figlio, inizio, posizione
from piao.loading.veloce import leggi_veloce
from piao.loading.yamlio import albero_posizioni, is_mapping, parse_yaml, plain

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Default size limit of one section file; PIAO_MAX_FILE_MB overrides it (piao.ambiente)."""


def max_file_bytes() -> int:
    mb = max_file_mb()
    return MAX_FILE_BYTES if mb is None else max(1, int(mb * 1024 * 1024))


YAML_SUFFIXES = (".yaml", ".yml")

_PLAIN = re.compile(r"[^\s\"'#,\[\]{}][^#,\[\]{}\n]*?(?=\s+#|\s*[,\]}]|\s*$)")
"""A plain (unquoted) scalar: up to a comment, a flow separator or the end of the line."""


class PlanFolderError(Exception):
    """The plan folder cannot be read at all (missing, not a folder, no permission)."""


# The YAML-layer checks (DESIGN.md §5: prefix YM).
YAML_CHECKS: dict[str, Controllo] = {
    "syntax": Controllo("YM001", "yaml.sintassi", "Il file è YAML valido."),
    "duplicate_key": Controllo(
        "YM002", "yaml.chiave-duplicata", "Nessuna chiave è ripetuta nella stessa mappa."
    ),
    "tag": Controllo(
        "YM003",
        "yaml.tag-non-ammesso",
        "Il file non usa tag YAML diversi da quelli di base (nessun oggetto eseguibile).",
    ),
    "encoding": Controllo("YM004", "yaml.codifica", "Il file è testo in codifica UTF-8."),
    "not_mapping": Controllo("YM005", "yaml.non-mappa", "Il file contiene una mappa di chiavi."),
    "alias": Controllo("YM006", "yaml.alias-non-ammesso", "Il file non usa ancore e alias YAML."),
    "depth": Controllo(
        "YM007",
        "yaml.annidamento-eccessivo",
        "La struttura non supera i 64 livelli di annidamento.",
    ),
    "too_large": Controllo(
        "YM008",
        "yaml.file-troppo-grande",
        "Il file non supera la dimensione massima per sezione.",
    ),
    "unreadable": Controllo("YM009", "yaml.file-illeggibile", "Il file è leggibile."),
}


def yaml_finding(
    kind: str, message: str, file: str, line: int | None, column: int | None
) -> Finding:
    return YAML_CHECKS[kind].finding(message, Location(file, line, column))


@dataclass
class SourceFile:
    """One file of the plan: its name inside the folder, its parsed data (or None), its
    text and where each key and value was written (`posizioni`), all from one parse."""

    name: str
    path: Path
    data: Any = None
    text: str | None = None
    posizioni: Nodo | None = None


@dataclass
class SourceMap:
    """Gives file, line and column for any YAML path of any file of the plan."""

    files: dict[str, SourceFile] = field(default_factory=dict)

    def locate(self, file: str, path: YamlPath, *, key: bool = False) -> Location:
        """The place of `path` in `file`.

        Points at the value for scalars and at the key for mappings, sequences and when
        `key` is true (an unknown key). A path that does not exist (a missing key) points
        at the deepest existing parent.
        """
        source = self.files.get(file)
        node = source.posizioni if source else None
        pos = inizio(node) or (0, 0)
        for i, campo in enumerate(path):
            last = i == len(path) - 1
            part = campo
            key_pos = posizione(node, part, chiave=True)
            if key_pos is None and isinstance(campo, str):
                # The key as the user wrote it (`modalità` for the field `modalita`).
                part = next((k for k in chiavi(node) if _stessa_chiave(k, campo)), campo)
                key_pos = posizione(node, part, chiave=True)
            if key_pos is None:
                break
            child = figlio(node, part)
            value_pos = posizione(node, part, chiave=False)
            pos = value_pos if (last and not key and child is None and value_pos) else key_pos
            node = child
        return Location(file, pos[0] + 1, pos[1] + 1, tuple(path))

    def data(self, file: str) -> Any:
        source = self.files.get(file)
        return source.data if source else None

    def written(self, location: Location) -> str | None:
        """The plain value as written in the source at `location` (`00123` stays `00123`)."""
        source = self.files.get(location.file)
        if source is None or source.text is None or not location.line or not location.column:
            return None
        lines = source.text.split("\n")
        if location.line > len(lines):
            return None
        match = _PLAIN.match(lines[location.line - 1], location.column - 1)
        return match.group().strip() if match else None


def _stessa_chiave(scritta: Any, campo: str) -> bool:
    return isinstance(scritta, str) and forma_normale(scritta) == campo


@dataclass
class LoadedPlan:
    """A plan folder as read from disk: parsed trees, their positions, YAML findings."""

    folder: Path
    sources: SourceMap
    findings: list[Finding]

    @property
    def names(self) -> list[str]:
        return sorted(self.sources.files)


_TRIENNIO = re.compile(r"\d{4}-\d{4}")


def _yaml(path: Path) -> bool:
    """A YAML file name, in any case (`.yaml`, `.YML`...)."""
    return path.suffix.lower() in YAML_SUFFIXES


def cartella_ente(folder: Path) -> str | None:
    """The message for an entity's folder given where a triennio's folder is expected: no
    YAML file of its own, and triennio sub-folders that hold some. None otherwise."""
    try:
        if any(_yaml(p) for p in folder.iterdir()):
            return None
        trienni = sorted(
            d.name
            for d in folder.iterdir()
            if d.is_dir() and _TRIENNIO.fullmatch(d.name) and any(_yaml(p) for p in d.iterdir())
        )
    except OSError:
        return None
    if not trienni:
        return None
    return (
        f"«{folder}» è la cartella dell'ente, con i piani {', '.join(trienni)}: indicare la "
        f"cartella di un triennio, per esempio «{folder / trienni[-1]}»"
    )


def load_folder(folder: Path, *, max_bytes: int | None = None) -> LoadedPlan:
    """Read every YAML file directly inside `folder`."""
    if not folder.exists():
        raise PlanFolderError(f"la cartella del piano «{folder}» non esiste")
    if not folder.is_dir():
        raise PlanFolderError(f"«{folder}» non è una cartella")
    try:
        paths = sorted(p for p in folder.iterdir() if _yaml(p))
    except OSError as exc:
        raise PlanFolderError(
            f"impossibile leggere la cartella «{folder}»: {exc.strerror}"
        ) from exc
    if not paths and (ente := cartella_ente(folder)):
        raise PlanFolderError(ente)

    sources = SourceMap()
    findings: list[Finding] = []
    max_bytes = max_bytes or max_file_bytes()
    for path in paths:
        refused = _refused(folder, path)
        if refused is not None:
            findings.append(refused)
            continue
        if not path.is_file():
            continue
        source, file_findings = load_file(path, max_bytes=max_bytes)
        sources.files[source.name] = source
        findings.extend(file_findings)
    return LoadedPlan(folder, sources, findings)


def shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 shown as «�»."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _refused(folder: Path, path: Path) -> Finding | None:
    """The finding for a file the loader does not read: a name that is not UTF-8, a macOS
    metadata file («._nome.yaml», a note), a link leading out of the plan folder."""
    name = path.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return yaml_finding(
            "unreadable",
            f"Il nome del file «{shown_name(name)}» non è in codifica UTF-8: rinominarlo "
            "(ad esempio senza lettere accentate) perché sia letto.",
            shown_name(name),
            None,
            None,
        )
    if name.startswith("._"):
        return YAML_CHECKS["unreadable"].finding(
            "File di metadati di macOS (AppleDouble), non una sezione: ignorato; "
            "si può cancellare.",
            Location(name),
            severity=Severity.INFO,
        )
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
            inside_folder = target.is_relative_to(folder.resolve(strict=True))
        except (OSError, RuntimeError):
            target, inside_folder = None, False
        if not inside_folder:
            where = f" («{target}»)" if target is not None else ""
            return yaml_finding(
                "unreadable",
                f"Il file è un collegamento a un file fuori dalla cartella del piano{where}: "
                "non viene letto. Copiare il file nella cartella.",
                name,
                None,
                None,
            )
    return None


def readable_folder(folder: Path) -> LoadedPlan:
    """`load_folder` for the commands that rewrite or compare a plan (rollover, diff): a
    file the loader cannot read stops them with its located findings (PlanFolderError)."""
    loaded = load_folder(folder)
    errors = [f for f in loaded.findings if f.severity is Severity.ERROR]
    if errors:
        righe = "\n".join(
            f"  {folder / f.location.file}"
            + (f":{f.location.line}:{f.location.column}" if f.location.line else "")
            + f": {f.message}"
            for f in errors
        )
        raise PlanFolderError(f"il piano «{folder}» contiene file illeggibili:\n{righe}")
    return loaded


def load_file(
    path: Path, *, max_bytes: int = MAX_FILE_BYTES, name: str | None = None
) -> tuple[SourceFile, list[Finding]]:
    """Read one YAML file; `name` is how findings name it (the file name by default; a
    period file is «monitoraggio/2026-S1.yaml», relative to the plan folder)."""
    name = name or path.name
    source = SourceFile(name, path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return source, [
                yaml_finding(
                    "too_large",
                    f"Il file pesa {size / 1048576:.1f} MB, oltre il limite di "
                    f"{max_bytes / 1048576:.1f} MB per sezione: è davvero una sezione del piano?",
                    name,
                    None,
                    None,
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return source, [
            yaml_finding(
                "unreadable", f"Impossibile leggere il file: {exc.strerror}.", name, None, None
            )
        ]

    text, problem = decode(raw, name)
    if problem is not None:
        return source, [problem]
    assert text is not None
    fast = leggi_veloce(text)
    if fast is not None:
        source.data = fast.data
        source.posizioni = fast.posizioni
        source.text = text
        return source, [
            yaml_finding(p.kind, p.message, name, p.line + 1, p.column + 1) for p in fast.problemi
        ]
    parsed = parse_yaml(text)
    findings = [
        yaml_finding(p.kind, _message(p.kind, p.message), name, p.line + 1, p.column + 1)
        for p in parsed.problems
    ]
    if parsed.data is None and not parsed.problems:
        findings.append(
            yaml_finding(
                "not_mapping", "Il file è vuoto: deve contenere la sezione del piano.", name, 1, 1
            )
        )
    elif parsed.data is not None and not is_mapping(parsed.data):
        findings.append(
            yaml_finding(
                "not_mapping",
                "Il file deve essere una mappa di chiavi (ad esempio «obiettivi: ...»), "
                f"non {_kind_of(parsed.data)}.",
                name,
                1,
                1,
            )
        )
    else:
        source.data = plain(parsed.data)
        source.posizioni = albero_posizioni(parsed.data)
        source.text = text
    return source, findings


def _message(kind: str, text: str) -> str:
    if kind == "syntax":
        return f"Errore di sintassi YAML: {text}."
    return text


def _kind_of(data: Any) -> str:
    if isinstance(data, list):
        return "un elenco"
    if isinstance(data, str):
        return "un testo"
    return "un valore singolo"


def decode(raw: bytes, name: str) -> tuple[str | None, Finding | None]:
    """Bytes to text: UTF-8 (with or without BOM), CRLF normalised; else a located finding."""
    if b"\x00" in raw[:8192]:
        return None, yaml_finding(
            "encoding",
            "Il file sembra binario (contiene byte nulli), non un file di testo YAML.",
            name,
            None,
            None,
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        return None, yaml_finding(
            "encoding",
            f"Il file non è in codifica UTF-8 (byte 0x{raw[exc.start]:02x}): salvarlo come "
            "UTF-8 dall'editor (ad esempio «Salva con nome» → codifica UTF-8).",
            name,
            line,
            column,
        )
    return text.replace("\r\n", "\n"), None
