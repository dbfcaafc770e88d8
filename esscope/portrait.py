"""The Territoires page and the printable portrait, as data: the territories offered, what to say of
the one chosen, how it compares with its parents and siblings. Texts are French and plain (a page
escapes them for markdown); frames carry French column names, ready to show or print."""

from dataclasses import dataclass, field

import pandas as pd

from . import queries
from .french import format_number
from .indicators import INDICATORS
from .territory import (
    FRANCE,
    LOADED_EVENTS,
    format_value,
    from_key,
    label,
    parent_values,
    parents,
    read_siblings,
    search_territories,
    sibling_scope,
    to_key,
)

FRANCE_KEY = to_key(*FRANCE)
COMPARED = [k for k in INDICATORS if not k.startswith("mois_ess_")] + ["mois_ess_events", LOADED_EVENTS]
INDICATOR_LABELS = {k: INDICATORS[k][0] for k in INDICATORS} | {
    LOADED_EVENTS: "Événements enregistrés (programmes importés)"}
LEVEL_TITLES = {"country": "Pays", "region": "Région", "department": "Département",
                "epci": "Intercommunalité (EPCI)", "commune": "Commune"}
SIBLING_TITLES = {"epci": "EPCI du département", "department": "Départements de la région", "region": "Régions"}
SHOWN_SIBLINGS = 60


def valid_key(text: str) -> str:
    """`text` when it names a territory the way URLs do (« epci:200093201 »); ValueError otherwise."""
    if from_key(text) is None:
        raise ValueError(text)
    return text


@dataclass
class Choices:
    """The territories a page offers (key → label, the first one chosen when the current one is not
    among them) and what the reader should be told."""
    labels: dict = field(default_factory=dict)
    no_match: bool = False      # the search text found nothing
    guessed: bool = False       # the text matched no name exactly: the closest names are offered
    unknown: bool = False       # the current territory does not exist: France is offered instead


def read_choices(con, text: str, current: str) -> Choices:
    """The territories matching a search text; without a text (or a match), the `current` territory
    and its parents, nearest first."""
    out = Choices()
    if text:
        found = search_territories(con, text)
        out.labels = {to_key(lv, c): lab for lv, c, lab in zip(found["level"], found["code"], found["label"])}
        out.guessed = bool(len(found)) and bool(found["guessed"].iloc[0])
        out.no_match = not out.labels
    if not out.labels:
        here = queries.read_territory(con, *from_key(current))
        if here is None:
            out.unknown, here = True, queries.read_territory(con, *FRANCE)
        for level, code in [(here["level"], here["code"])] + parents(here):
            row = queries.read_territory(con, level, code)
            if row:
                out.labels[to_key(level, code)] = label(row)
    return out


def facts(place: dict) -> list:
    """« Commune », « code 59350 », « 236 710 habitants », « 35 km² »: what the header says of a territory."""
    out = [LEVEL_TITLES[place["level"]]]
    if place["level"] != "country":
        out.append(f"code {place['code']}")
    if pd.notna(place["population"]):
        out.append(f"{format_number(place['population'])} habitants")
    if pd.notna(place["area_km2"]):
        out.append(f"{format_number(place['area_km2'])} km²")
    return out


def unit_of(indicator: str) -> str:
    return INDICATORS[indicator][1] if indicator in INDICATORS else "count"


def axis_label(indicator: str) -> str:
    """« Part de l'ESS dans l'emploi salarié (%) »: an indicator with its unit."""
    return INDICATOR_LABELS[indicator] + {"pct": " (%)", "eur": " (€)"}.get(unit_of(indicator), " (nombre)")


def sibling_title(place: dict, sibling_level: str) -> str:
    """What the siblings of a territory are: « Communes du même EPCI », « Départements de la région »…"""
    if sibling_level == "commune":
        return "Communes du même EPCI" if place.get("epci_code") else "Communes du département"
    return SIBLING_TITLES[sibling_level]


def ranked_siblings(siblings: pd.DataFrame, indicator: str, limit: int | None = SHOWN_SIBLINGS) -> pd.DataFrame:
    """The siblings to draw as bars: those with a value (counted events: those with at least one), largest
    first, at most `limit` — the same territories the map beside the bars colours, whatever their codes."""
    shown = siblings.dropna(subset=["value"])
    if indicator == LOADED_EVENTS:
        shown = shown[shown["value"] > 0]
    shown = shown.sort_values("value", ascending=False, kind="stable")
    return shown if limit is None else shown.head(limit)


def sibling_notes(siblings: pd.DataFrame, indicator: str) -> list:
    """What the bars of siblings leave out, and why, in French."""
    notes = []
    if indicator == LOADED_EVENTS and (siblings["value"] == 0).any():
        notes.append(f"{format_number((siblings['value'] == 0).sum())} sans événement enregistré, non représentés.")
    if siblings["value"].isna().any():
        notes.append(f"{format_number(siblings['value'].isna().sum())} territoire(s) sur "
                     f"{format_number(len(siblings))} sans chiffre disponible, non représentés.")
    if len(ranked_siblings(siblings, indicator, limit=None)) > SHOWN_SIBLINGS:
        notes.append(f"Les {SHOWN_SIBLINGS} premiers sont représentés.")
    if siblings["disagree"].any():
        notes.append("* : les sources ne concordent pas (médiane affichée).")
    return notes


def events_card(per_edition: pd.DataFrame) -> tuple:
    """(value, caption) of the « Événements enregistrés » card from the events per edition
    (`queries.count_by(…, "edition")`): the latest edition's count, or '–' when none."""
    if per_edition.empty:
        return "–", "Aucun programme importé ne compte d'événement ici."
    latest = per_edition.sort_values("value").iloc[-1]
    caption = (f"Édition {int(latest['value'])}, programmes importés ; "
               f"{format_number(per_edition['events'].sum())} sur toutes les éditions chargées.")
    return format_number(latest["events"]), caption


def per_edition_text(per_edition: pd.DataFrame) -> str:
    """« 2017 : 4 événement(s) · 2024 : 2 événement(s) »."""
    return " · ".join(f"{int(e)} : {format_number(n)} événement(s)"
                      for e, n in zip(per_edition["value"], per_edition["events"]))


def parents_table(chain: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The territory and its parents (`territory.parent_values`) with their value, for the portrait."""
    return pd.DataFrame({
        "Territoire": chain["name"], "Niveau": chain["level_label"],
        INDICATOR_LABELS[indicator]: [format_value(v, unit_of(indicator)) if pd.notna(v) else "aucun chiffre disponible"
                                      for v in chain["value"]],
        "Année": [str(int(y)) if pd.notna(y) else "" for y in chain["year"]]})


@dataclass
class Comparison:
    """A territory against its parents and its siblings for one indicator: what the page's « Comparaison »
    block shows and the portrait prints."""
    indicator: str
    chain: pd.DataFrame          # `territory.parent_values`
    siblings: pd.DataFrame       # `territory.read_siblings`
    siblings_title: str
    highlight: str | None        # the territory's code when it is among its siblings

    @property
    def indicator_label(self) -> str:
        return INDICATOR_LABELS[self.indicator]

    @property
    def unit(self) -> str:
        return unit_of(self.indicator)

    @property
    def axis(self) -> str:
        return axis_label(self.indicator)

    @property
    def zero_class(self) -> bool:
        return self.indicator == LOADED_EVENTS


def read_comparison(con, place: dict, indicator: str) -> Comparison:
    """The `Comparison` of a territory for `indicator` (LOADED_EVENTS included)."""
    level, _ = sibling_scope(place)
    return Comparison(indicator, parent_values(con, place, indicator), read_siblings(con, place, indicator),
                      sibling_title(place, level), place["code"] if level == place["level"] else None)
