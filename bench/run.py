"""`make bench`: speed of piao as ratios to a baseline measured in the same run (median of
several runs each), so the figures mean the same on any machine.

    python bench/run.py [--runs 3] [--size grande]
"""

from __future__ import annotations

import argparse
import functools
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import DIMENSIONI, bozza, genera, scrivi  # noqa: E402
from piao import check_plan  # noqa: E402
from piao.batch import run_all  # noqa: E402
from piao.engine import check_report  # noqa: E402
from piao.render import render_plan  # noqa: E402
from piao.render.docx import render_docx  # noqa: E402
from piao.render.html import render_html  # noqa: E402
from piao.render.pdf import PDF_VARIANT  # noqa: E402
from piao.render.view import build_view  # noqa: E402


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_interleaved(fns: list[Callable[[], object]], runs: int) -> list[float]:
    """Median time of each function, run in turn (a, b, c, a, b, c, ...)."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def bare_yaml_parse(folder: Path) -> None:
    """The fastest loader available for the same files: ruamel.yaml's C-based safe loader."""
    yaml = YAML(typ="safe")
    for path in sorted(folder.glob("*.yaml")):
        yaml.load(path.read_bytes())


def run_subprocess(args: list[str]) -> None:
    subprocess.run(args, capture_output=True, check=False)


def check_jsonschema(folder: Path) -> None:
    """check-jsonschema with piao's exported schemas, one call per section file."""
    for path in sorted(folder.glob("*.yaml")):
        schema = ROOT / "schemas" / f"{path.stem}.schema.json"
        run_subprocess(
            [
                str(Path(sys.executable).parent / "check-jsonschema"),
                "--schemafile",
                str(schema),
                str(path),
            ]
        )


def peak_memory_mb(folder: Path) -> float:
    """Peak resident memory of `piao check` on `folder`, in a fresh process."""
    code = (
        "import resource, sys; from piao import check_plan; check_plan(sys.argv[1]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def fogli_rows(
    big: Path, root: Path, runs: int, rows: list[tuple[str, float, str, float | None, str]]
) -> None:
    """The workbooks of the big plan: exported (each read back before it is written, so
    that none loses a value) against openpyxl writing the same cells bare and reading them
    back (no styles, drop-downs, help, origine); the biggest (sottosezione
    2.3) imported with the plan against what any import must do: openpyxl reading the
    workbook and the comment-keeping YAML round trip of the plan file."""
    from openpyxl import Workbook, load_workbook  # noqa: PLC0415

    from piao.fogli.esporta import esporta  # noqa: PLC0415
    from piao.fogli.importa import importa_file, yaml_importato  # noqa: PLC0415
    from piao.loading.roundtrip import dump_text, load_text  # noqa: PLC0415

    out = root / "fogli"
    esporta(big, out)
    file = out / "rischi_corruttivi.xlsx"
    cartelle = {
        x.name: {ws.title: list(ws.iter_rows(values_only=True)) for ws in load_workbook(x)}
        for x in sorted(out.glob("*.xlsx"))
    }

    def bare_write() -> None:
        for nome, celle in cartelle.items():
            wb = Workbook()
            for titolo, righe in celle.items():
                ws = wb.create_sheet(titolo)
                for riga in righe:
                    ws.append(riga)
            wb.save(root / f"bare-{nome}")
            load_workbook(root / f"bare-{nome}", data_only=True)

    def bare_read_and_round_trip() -> None:
        load_workbook(file, data_only=True)
        testo = (big / "rischi_corruttivi.yaml").read_text(encoding="utf-8")
        dump_text(load_text(testo))

    t_export, t_write = median_interleaved(
        [functools.partial(esporta, big, root / "fogli-2"), bare_write], runs
    )
    rows.append(
        ("piao fogli esporta", t_export, "openpyxl writes + reads, bare", t_write, "≤ 3.0×")
    )
    t_import, t_base = median_interleaved(
        [lambda: yaml_importato(importa_file(file, big), big), bare_read_and_round_trip], runs
    )
    rows.append(
        (
            "piao fogli importa (2.3)",
            t_import,
            "openpyxl read + YAML round trip",
            t_base,
            "≤ 2.0×",
        )
    )


def draft_rows(
    big: Path, root: Path, runs: int, rows: list[tuple[str, float, str, float | None, str]]
) -> list[tuple[str, float]]:
    """Drafts, the plans people check over and over: the big plan with findings in every
    file, then with thousands; each against the bare parse of the same files. Appends the
    rows, returns the peak memories."""
    memorie: list[tuple[str, float]] = []
    for label, per_file, target in (
        ("draft, findings in every file", 3, "≤ 2.0×"),
        ("draft, thousands of findings", None, "≤ 3.0×"),
    ):
        draft = root / label.replace(" ", "-").replace(",", "") / "2026-2028"
        shutil.copytree(big, draft)
        bozza(draft, per_file)
        t_draft, t_parse = median_interleaved(
            [functools.partial(check_plan, draft), functools.partial(bare_yaml_parse, draft)],
            runs,
        )
        n = sum(1 + f.altri for f in check_plan(draft).report.findings)
        rows.append(
            (f"piao check ({label}: {n})", t_draft, "bare YAML parse (C loader)", t_parse, target)
        )
        memorie.append((label, peak_memory_mb(draft)))
    return memorie


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--size", default="grande", choices=sorted(DIMENSIONI), help="plan size for the render rows"
    )
    parser.add_argument(
        "--check-size",
        default="roma",
        choices=sorted(DIMENSIONI),
        help="plan size for the check rows",
    )
    parser.add_argument(
        "--batch", type=int, default=1000, help="number of small plans for the --jobs rows"
    )
    args = parser.parse_args(argv)
    rows: list[tuple[str, float, str, float | None, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big = root / "check" / "2026-2028"
        scrivi(genera(DIMENSIONI[args.check_size], 1, f"Comune sintetico {args.check_size}"), big)
        t_check = median_time(lambda: check_plan(big), args.runs)
        t_parse = median_time(lambda: bare_yaml_parse(big), args.runs)
        cli = [sys.executable, "-m", "piao", "check", str(big)]
        t_cli = median_time(lambda: run_subprocess(cli), args.runs)
        t_cjs = median_time(lambda: check_jsonschema(big), args.runs)
        rows.append(
            (
                f"piao check CLI ({args.check_size})",
                t_cli,
                "check-jsonschema, same schemas",
                t_cjs,
                "faster (< 1.0×)",
            )
        )
        memorie = [(f"{args.check_size}, clean", peak_memory_mb(big))]

        piccoli = [root / "piccoli" / f"comune-{i:05d}" / "2026-2028" for i in range(args.batch)]
        for i, folder in enumerate(piccoli):
            scrivi(genera(DIMENSIONI["piccolo"], i + 1, f"Comune sintetico {i + 1}"), folder)
        t_j1 = median_time(lambda: run_all(check_report, piccoli, jobs=1), args.runs)
        t_j2 = median_time(lambda: run_all(check_report, piccoli, jobs=2), args.runs)
        rows.append(
            (
                f"check {args.batch} small plans, --jobs 2",
                t_j2,
                "same, --jobs 1",
                t_j1,
                "speed-up ≥ 1.7×",
            )
        )
        rows.append(
            (
                f"piao check ({args.check_size})",
                t_check,
                "bare YAML parse (C loader)",
                t_parse,
                "≤ 1.5×",
            )
        )
        memorie += draft_rows(big, root, args.runs, rows)
        fogli_rows(big, root, args.runs, rows)

        plan = root / "render" / "2026-2028"
        scrivi(genera(DIMENSIONI[args.size], 1, f"Comune sintetico {args.size}"), plan)
        piano = check_plan(plan).piano
        assert piano is not None
        doc = build_view(piano)
        html = render_html(doc)
        from weasyprint import HTML  # noqa: PLC0415

        # Baseline: WeasyPrint alone on the same HTML with the same PDF options (PDF/A-3a,
        # tagged); piao's own overhead is the check, the view model and the post-processing.
        out = root / "out"
        # Interleaved runs (baseline, piao, baseline, ...) so that drift of a long process
        # (memory growth, other load) affects both sides alike.
        t_same, t_plain, t_pdf = median_interleaved(
            [
                lambda: HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True),
                lambda: HTML(string=html).write_pdf(),
                lambda: render_plan(plan, out, formats=("pdf",)),
            ],
            args.runs,
        )
        label = f"piao render --format pdf ({args.size})"
        rows.append((label, t_pdf, "WeasyPrint, same HTML and options", t_same, "≤ 1.2×"))
        rows.append(
            (label, t_pdf, "WeasyPrint, same HTML, plain PDF", t_plain, "≤ 1.2× (see README)")
        )
        t_docx = median_time(lambda: render_docx(doc), args.runs)
        rows.append((f"DOCX render ({args.size})", t_docx, "—", None, "—"))

    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}; median of {args.runs} runs"
    )
    print(f"{'task':<36} {'time (s)':>9}  {'baseline':<34} {'base (s)':>9} {'ratio':>7}  target")
    for task, t, base, tb, target in rows:
        ratio = f"{t / tb:.2f}×" if tb else "—"
        if task.startswith("check ") and tb:
            ratio = f"{tb / t:.2f}× faster"
        tb_s = f"{tb:.2f}" if tb else "—"
        print(f"{task:<36} {t:>9.2f}  {base:<34} {tb_s:>9} {ratio:>7}  {target}")
    for label, memoria in memorie:
        print(f"Peak memory of piao check ({label}): {memoria:.0f} MB (target ≤ 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
