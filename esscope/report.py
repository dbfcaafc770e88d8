"""The report of one edition of the Mois de l'ESS in one région: counts, breakdowns, organisers,
coverage of the territory, and how complete its sources are.

Pure computations over the store; the page, the XLSX and the PDF all show this one result.
"""

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from . import queries
from .escaping import web_address
from .filters import EventFilter, commune_counts, filtered_events
from .french import Percent, format_date, format_number, format_period, format_time
from .store import query
from .territory import format_value

TOP_ORGANISERS = 15


@dataclass
class EditionReport:
    """Everything the edition report shows. Frames carry French column names, ready to display."""
    region_code: str
    region_name: str
    edition: int
    counts: dict
    population: int                     # of the région
    themes: pd.DataFrame
    kinds: pd.DataFrame
    weeks: pd.DataFrame
    organisers: pd.DataFrame
    communes: pd.DataFrame
    events: pd.DataFrame
    sources: pd.DataFrame
    published: pd.DataFrame             # published counts of events for the région and France, that year
    filters: list = field(default_factory=list)
    shapes: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)   # the région's communes (WKB), for maps

    @property
    def share_reached(self):
        """Share (%) of the région's population living in a commune with at least one event."""
        if not self.population:
            return None
        return 100.0 * self.counts["population_reached"] / self.population

    @property
    def title(self) -> str:
        return f"Mois de l'ESS {self.edition} — {self.region_name}"

    def summary(self) -> pd.DataFrame:
        """The headline counts as (Indicateur, Valeur) rows; values are numbers (the share a `Percent`)."""
        c = self.counts
        rows = [
            ("Événements", c["events"]),
            ("Organisateurs (structures distinctes)", c["organisers"]),
            ("Communes avec au moins un événement", c["communes"]),
            ("EPCI avec au moins un événement", c["epcis"]),
            ("Part de la population régionale vivant dans une commune avec au moins un événement",
             Percent(round(self.share_reached, 1)) if self.share_reached is not None else None),
            ("Événements en ligne", c["online"]),
            ("Événements sans commune identifiée", c["without_commune"]),
        ]
        return pd.DataFrame({"Indicateur": [r[0] for r in rows],
                             "Valeur": pd.Series([r[1] for r in rows], dtype=object)})

    def completeness(self) -> list:
        """Paragraphs (French) saying how complete the report's sources are."""
        c = self.counts
        if c["events"] == 0:
            return [(f"Aucun événement de l'édition {self.edition} n'est enregistré pour {self.region_name} dans "
                     "esscope : ce rapport est vide, ce qui ne veut pas dire qu'il n'y a pas eu d'événement. "
                     "Importez le programme de l'édition (page Import) pour le compléter.")]
        names = ", ".join(f"« {n} » ({format_number(k)} événements)"
                          for n, k in zip(self.sources["Document"], self.sources["Événements"]))
        out = [(f"Ce rapport compte les {format_number(c['events'])} événements enregistrés dans esscope pour "
                f"{self.region_name} en {self.edition}, tirés de {len(self.sources)} document(s) : {names}."),
               ("Un programme enregistré sous-compte toujours l'édition réelle : les événements annoncés ailleurs, "
                "ajoutés tard ou non déclarés n'y figurent pas. Lisez ces chiffres comme un minimum.")]
        if not self.published.empty:
            figures = " ; ".join(
                f"{r['Territoire']} : {r['Valeur']} ({r['Source']})" for r in self.published.to_dict("records"))
            out.append(f"Chiffres publiés pour cette édition, pour comparaison : {figures}.")
        if c["without_commune"]:
            out.append(f"{format_number(c['without_commune'])} événement(s) sans commune identifiée (en ligne ou lieu "
                       "non reconnu) comptent dans le total mais pas dans la couverture du territoire.")
        if c["low_confidence"]:
            out.append(f"{format_number(c['low_confidence'])} événement(s) ont été lus avec une confiance faible : "
                       "vérifiez-les dans le tableau des événements.")
        return out

    def tables(self) -> dict:
        """Sheet name → frame, in the order of the report (used by the XLSX export)."""
        return {
            "Synthèse": self.summary(), "Thèmes": self.themes, "Types": self.kinds, "Semaines": self.weeks,
            "Organisateurs": self.organisers, "Communes": self.communes, "Événements": self.events,
            "Sources": self.sources, "Chiffres publiés": self.published,
        }


def read_edition_report(con, region_code: str, edition: int) -> EditionReport:
    """Compute the report of `edition` in the région `region_code`."""
    region = queries.read_territory(con, "region", region_code)
    if region is None:
        raise ValueError(f"Région inconnue : {region_code}")
    flt = EventFilter(editions=[int(edition)], region=region_code)
    counts = queries.edition_counts(con, flt)
    total = counts["events"]
    events = filtered_events(con, flt)
    return EditionReport(
        region_code=region_code, region_name=region["name"], edition=int(edition), counts=counts,
        population=int(region["population"] or 0),
        themes=_shares(queries.count_by(con, flt, "theme"), "Thème", total),
        kinds=_shares(queries.count_by(con, flt, "kind"), "Type", total),
        weeks=_weeks(queries.events_per_week(con, flt), total),
        organisers=_organisers(queries.read_organisers(con, flt)),
        communes=_communes(con, flt),
        events=events_table(events),
        sources=queries.read_event_sources(con, flt).rename(columns={
            "name": "Document", "events": "Événements"})[["Document", "Événements"]],
        published=_published(con, region_code, int(edition)),
        filters=[("Région", f"{region['name']} ({region_code})"), ("Édition", str(edition)),
                 ("Produit le", format_date(dt.date.today()))],
        shapes=queries.read_shapes(con, "commune", region=region_code)[["code", "name", "geometry"]],
    )


def _shares(frame: pd.DataFrame, name: str, total: int) -> pd.DataFrame:
    out = frame.rename(columns={"value": name, "events": "Événements"})
    out["Part (%)"] = (100.0 * out["Événements"] / total).round(1) if total else 0.0
    return out.reset_index(drop=True)


def week_label(monday) -> str:
    """« du 30 octobre au 5 novembre », « du 6 au 12 novembre » for the week starting that Monday (short
    enough for a chart's labels on a phone; a week always runs from Monday to Sunday)."""
    if monday is None or pd.isna(monday):
        return "Date non précisée"
    monday = pd.Timestamp(monday).date()
    sunday = monday + dt.timedelta(days=6)
    first = format_date(monday, weekday=False, year=False)
    if monday.month == sunday.month:
        first = first.split(" ")[0]
    return f"du {first} au {format_date(sunday, weekday=False, year=False)}"


def _weeks(frame: pd.DataFrame, total: int) -> pd.DataFrame:
    out = pd.DataFrame({"Semaine": [week_label(w) for w in frame["week"]], "Événements": frame["events"]})
    out["Part (%)"] = (100.0 * out["Événements"] / total).round(1) if total else 0.0
    return out


def _organisers(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.head(TOP_ORGANISERS).rename(columns={"name": "Organisateur", "events": "Événements"})
    return out[["Organisateur", "Événements"]].reset_index(drop=True)


def _communes(con, flt) -> pd.DataFrame:
    frame = commune_counts(con, flt)
    out = frame.rename(columns={"code": "Code commune", "name": "Commune", "events": "Événements",
                                "population": "Population"})
    return out[["Code commune", "Commune", "Population", "Événements"]].reset_index(drop=True)


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events with French column names, for tables and exports (text kept as text)."""
    def period(r):
        text = format_period(r["start_date"] if pd.notna(r["start_date"]) else None,
                             r["end_date"] if pd.notna(r["end_date"]) else None)
        if isinstance(r.get("start_time"), str) and r["start_time"]:
            text += f", {format_time(r['start_time'])}"
        return text
    def text(column):
        return events[column].astype(object).where(events[column].notna(), "")
    commune = text("commune_name").where(~(events["online"].astype(bool) & events["commune_name"].isna()), "en ligne")
    return pd.DataFrame({
        "Date": [period(r) for r in events.to_dict("records")],
        "Début": [d.date() if pd.notna(d) else None for d in pd.to_datetime(events["start_date"])],
        "Fin": [d.date() if pd.notna(d) else None for d in pd.to_datetime(events["end_date"])],
        "Titre": events["title"],
        "Commune": commune,
        "Lieu": text("venue"),
        "Organisateur": text("organizer"),
        "Thème": text("theme"),
        "Type": text("kind"),
        "En ligne": events["online"].map({True: "oui", False: "non"}),
        "Lien": [web_address(u) for u in events["url"]],
    })


def _published(con, region_code: str, edition: int) -> pd.DataFrame:
    frame = query(con, """
        SELECT territory_name, value, qualifier, unit, scope, source_url FROM indicators
        WHERE indicator = 'mois_ess_events' AND year = ?
          AND (territory_level = 'country' OR (territory_level = 'region' AND territory_code = ?))
        ORDER BY territory_level DESC, value
    """, [edition, region_code])
    return pd.DataFrame({
        "Territoire": frame["territory_name"],
        "Valeur": [format_value(v, u, q) for v, u, q in zip(frame["value"], frame["unit"], frame["qualifier"])],
        "Source": frame["source_url"],
    })

