"""The path notation of the rule cases: parsing, resolving by codice, checking against the model."""

from __future__ import annotations

from typing import Any

import pytest

from tests.rules.paths import Chiave, Voce, model_error, parse_path, resolve, written

DATA: dict[str, Any] = {
    "misure": [
        {"codice": "MIS-01", "fasi": [{"scadenza": "a"}, {"scadenza": "b"}]},
        {"codice": "OBP-2.1", "fasi": []},
    ],
    "target": {2026: 10},
}


def test_a_path_has_keys_codes_indexes_and_years() -> None:
    assert parse_path("misure[OBP-2.1].fasi[1].scadenza") == (
        Chiave("misure"),
        Voce("OBP-2.1"),
        Chiave("fasi"),
        Voce(1),
        Chiave("scadenza"),
    )
    assert parse_path("target.2026") == (Chiave("target"), Chiave(2026))
    assert parse_path("") == ()


@pytest.mark.parametrize("text", ["misure[", ".misure", "misure..fasi", "misure[]", "[0]"])
def test_a_malformed_path_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="malformed"):
        parse_path(text)


def test_a_codice_selects_its_item_and_an_index_a_plain_item() -> None:
    assert resolve(DATA, parse_path("misure[OBP-2.1]")) == ("misure", 1)
    assert resolve(DATA, parse_path("misure[MIS-01].fasi[1].scadenza")) == (
        "misure",
        0,
        "fasi",
        1,
        "scadenza",
    )
    assert resolve(DATA, parse_path("target.2027")) == ("target", 2027)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("misure[MIS-99]", "0 items have that codice"),
        ("misure[0]", "select them by it"),
        ("misure[MIS-01].fasi[2]", "the list has 2 items"),
        ("target[2026]", "not a list"),
    ],
)
def test_a_selector_that_finds_no_single_item_fails_loudly(text: str, error: str) -> None:
    with pytest.raises(LookupError, match=error):
        resolve(DATA, parse_path(text))


def test_a_duplicated_codice_is_ambiguous() -> None:
    data = {"misure": [{"codice": "MIS-01"}, {"codice": "MIS-01"}]}
    with pytest.raises(LookupError, match="2 items have that codice"):
        resolve(data, parse_path("misure[MIS-01]"))


def test_a_real_path_is_written_back_with_codes() -> None:
    assert written(DATA, ("misure", 1, "fasi")) == "misure[OBP-2.1].fasi"
    assert written(DATA, ("misure", 0, "fasi", 1)) == "misure[MIS-01].fasi[1]"
    assert written(DATA, ("target", 2026)) == "target.2026"
    assert written(DATA, ()) == ""


@pytest.mark.parametrize(
    "text",
    [
        "",
        "misure[MIS-14].fasi[0].scadenza",
        "trasparenza.obblighi[TR-03].sottosezione[1]",
        "obiettivi_strategici[AC-01].indicatori[AC-01-I1].target.2026",
        "conferma.condizioni",
    ],
)
def test_paths_that_follow_the_model_pass(text: str) -> None:
    assert model_error("rischi_corruttivi.yaml", parse_path(text)) is None


@pytest.mark.parametrize(
    ("file", "text", "error"),
    [
        ("rischi_corruttivi.yaml", "misure[3].responsabile", "an index into a list of coded"),
        ("rischi_corruttivi.yaml", "misure[MIS-14].fasi[F1]", "a codice selector into a list"),
        ("rischi_corruttivi.yaml", "misure[MIS-14].responsabili", "not a field of Misura"),
        ("performance.yaml", "obiettivi[OBP-01].peso.2026", "does not follow a dict"),
        ("anagrafica.yaml", "ente[0]", "does not follow a list"),
        ("bilancio.yaml", "", "not a section file"),
    ],
)
def test_paths_off_the_model_name_the_bad_segment(file: str, text: str, error: str) -> None:
    message = model_error(file, parse_path(text))
    assert message is not None
    assert error in message
