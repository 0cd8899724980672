"""Readable Italian labels for the closed-list values of the models and for people."""

from __future__ import annotations

from piao.model.base import Persona

_ETICHETTE = {
    "comune": "Comune",
    "unione_di_comuni": "Unione di comuni",
    "comunita_montana": "Comunità montana",
    "provincia": "Provincia",
    "citta_metropolitana": "Città metropolitana",
    "regione": "Regione",
    "azienda_sanitaria": "Azienda sanitaria",
    "universita": "Università",
    "ente_pubblico_non_economico": "Ente pubblico non economico",
    "amministrazione_centrale": "Amministrazione centrale",
    "altro": "Altro",
    "nucleo_di_valutazione": "Nucleo di valutazione",
    "oiv": "OIV",
    "revisori_dei_conti": "Organo di revisione",
    "rpct": "RPCT",
    "cug": "CUG",
    "favorevole": "favorevole",
    "favorevole_con_osservazioni": "favorevole con osservazioni",
    "non_favorevole": "non favorevole",
    "giunta": "Giunta",
    "consiglio": "Consiglio",
    "rsu": "RSU",
    "concorsi_progressioni": "Concorsi e progressioni",
    "organizzazioni_sindacali": "Organizzazioni sindacali",
    "consigliera_parita": "Consigliera di parità",
    "direzione_generale": "Direzione generale",
    "unita_operativa": "Unità operativa",
    "unita_operativa_autonoma": "Unità operativa autonoma (UOA)",
    "polizia_locale": "Polizia locale",
    "coordinamento_trasversale": "Coordinamento trasversale",
    # 3.3: hiring methods, funding sources, secondment
    "art_110_tuel": "Art. 110 TUEL",
    "mobilita": "Mobilità",
    "elenchi_idonei": "Interpello sugli elenchi di idonei",
    "concorso_unico": "Concorso unico (RIPAM)",
    "graduatorie_altri_enti": "Graduatorie di altre amministrazioni",
    "trasformazione_tempo_pieno": "Trasformazione da tempo parziale a tempo pieno",
    "incremento_orario": "Incremento orario del tempo parziale",
    "comando_in_mobilita": "Trasformazione del comando in mobilità",
    "variazione_bilancio": "Variazione di bilancio",
    "pnrr": "PNRR",
    "capcoe": "CapCoe",
    "fna": "Fondo per le non autosufficienze",
    "fondo_poverta": "Fondo povertà",
    "contributo_ministeriale": "Contributo ministeriale",
    "in_entrata": "In entrata",
    "in_uscita": "In uscita",
    "accessibilita": "Accessibilità",
    "qualita": "Qualità",
    "pari_opportunita": "Pari opportunità",
    "economico_finanziaria": "Economico-finanziaria",
    # Codes written without accents (issue 14): the document prints the Italian word.
    "complessita_normativa": "Complessità normativa",
    "esclusivita_responsabilita": "Esclusività della responsabilità",
    "scarsa_cultura_legalita": "Scarsa cultura della legalità",
    "inconferibilita_incompatibilita": "Inconferibilità e incompatibilità",
    "patti_integrita": "Patti di integrità",
    "etica_trasparenza_integrita": "Etica, trasparenza e integrità",
    "parita_retributiva": "Parità retributiva",
    "persone_con_disabilita": "Persone con disabilità",
    "societa_partecipata": "Società partecipata",
    "emilia_romagna": "Emilia-Romagna",
    "friuli_venezia_giulia": "Friuli Venezia Giulia",
    "trentino_alto_adige": "Trentino-Alto Adige",
    "valle_d_aosta": "Valle d'Aosta",
    # Acronyms and names the default label would write in lower case (issue 17).
    "eq": "EQ",
    "funzionari_eq": "Funzionari EQ",
    "over65": "Over 65",
    "categoria_a": "Categoria A",
    "categoria_b": "Categoria B",
    "categoria_c": "Categoria C",
    "categoria_d": "Categoria D",
    "commissioni_art35bis": "Commissioni (art. 35-bis D.Lgs. 165/2001)",
    "piattaforma_anac": "Piattaforma ANAC",
    "portale_piao": "Portale PIAO",
    "rasa": "RASA",
    "upd": "UPD",
    "PAP": "PAP",
    "pdf": "PDF",
    "pdf_a": "PDF/A",
    "csv": "CSV",
    "json": "JSON",
    "ods": "ODS",
    "odt": "ODT",
    "html": "HTML",
    "docx": "DOCX",
    # 2.3: measures, categories and areas whose default label drops a preposition (issue 17).
    "codice_comportamento": "Codice di comportamento",
    "conflitto_interessi": "Conflitto di interessi",
    "rotazione_ordinaria": "Rotazione ordinaria del personale",
    "rotazione_straordinaria": "Rotazione straordinaria del personale",
    "whistleblowing": "Whistleblowing",
    "monitoraggio_tempi": "Monitoraggio dei tempi procedimentali",
    "etica_comportamento": "Etica e comportamento",
    "sensibilizzazione_partecipazione": "Sensibilizzazione e partecipazione",
    "segnalazione_protezione": "Segnalazione e protezione",
    "rapporti_portatori_interessi": "Rapporti con i portatori di interessi",
    "una_tantum": "Una tantum",
    "mancanza_controlli": "Mancanza di controlli",
    "mancanza_trasparenza": "Mancanza di trasparenza",
    "scarsa_responsabilizzazione": "Scarsa responsabilizzazione interna",
    "inadeguatezza_competenze": "Inadeguatezza delle competenze",
    "mancata_separazione_politica_amministrazione": "Mancata separazione tra politica e amministrazione",
    "autorizzazioni_concessioni": "Autorizzazioni e concessioni",
    "sovvenzioni_contributi": "Sovvenzioni e contributi",
    "acquisizione_gestione_personale": "Acquisizione e gestione del personale",
    "entrate_spese_patrimonio": "Gestione delle entrate, delle spese e del patrimonio",
    "controlli_verifiche_sanzioni": "Controlli, verifiche, ispezioni e sanzioni",
    "incarichi_nomine": "Incarichi e nomine",
    "affari_legali_contenzioso": "Affari legali e contenzioso",
    "governo_territorio": "Governo del territorio",
    "gestione_rifiuti": "Gestione dei rifiuti",
    "linea_programmatica": "Linea programmatica",
    "obiettivo_strategico": "Obiettivo strategico",
    "obiettivo_operativo": "Obiettivo operativo",
    "posizioni_eq": "Titolari di elevata qualificazione (EQ)",
    "validata_con_osservazioni": "Validata con osservazioni",
}


def etichetta(codice: str) -> str:
    """A readable label for a closed-list value: «funzionari_eq» → «Funzionari eq»."""
    return _ETICHETTE.get(codice, codice.replace("_", " ").capitalize())


def persona(p: Persona | None) -> str:
    """«Dott. Luca Bianchi (Segretario generale) — Decreto sindacale n. 2 del 10/01/2024»."""
    if p is None:
        return "non indicato"
    parts = [p.nome]
    if p.qualifica:
        parts.append(f"({p.qualifica})")
    if p.atto_nomina:
        parts.append(f"— {p.atto_nomina}")
    return " ".join(parts)
