"""Tables declared by columns: header, width and cell stay together; totals and year
columns come from the same declarations."""

from __future__ import annotations

from piao.render.document import Tabella
from piao.render.tabelle import Colonna, per_anno, tabella, tabella_annuale


def test_a_table_is_its_columns_applied_to_each_row() -> None:
    righe = [("A", 1), ("B", 2)]
    t = tabella(
        "Prova",
        righe,
        Colonna("Nome", 70, lambda r: r[0]),
        Colonna("Valore", 30, lambda r: str(r[1])),
    )
    assert t == Tabella("Prova", ("Nome", "Valore"), (("A", "1"), ("B", "2")), (70, 30), None)


def test_a_column_with_a_total_gives_the_table_a_total_row() -> None:
    righe = [("A", 1), ("B", 2)]
    t = tabella(
        "Prova",
        righe,
        Colonna("Codice", 10, lambda r: r[0]),
        Colonna("Nome", 60, lambda r: r[0], totale="Totale"),
        Colonna("Valore", 30, lambda r: str(r[1]), totale=str(sum(v for _, v in righe))),
    )
    assert t.totale == ("", "Totale", "3")


def test_year_columns_follow_the_triennio() -> None:
    def cella(riga: int, anno: int) -> str:
        return str(anno - riga)

    t = tabella("Prova", [2000], *per_anno((2026, 2027, 2028), "Target", 8, cella))
    assert t.intestazioni == ("Target 2026", "Target 2027", "Target 2028")
    assert t.righe == (("26", "27", "28"),)
    assert t.larghezze == (8, 8, 8)


def test_yearly_values_are_one_row_under_their_sorted_years() -> None:
    t = tabella_annuale("Ore", {2027: 30, 2026: 20}, str)
    assert (t.intestazioni, t.righe, t.larghezze) == (("2026", "2027"), (("20", "30"),), (1, 1))
