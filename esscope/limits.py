"""The bounds on what one file may hold, so that no document can exhaust the memory or the time of
the process that reads it (the app is shared: one upload must not take it down for everyone).

Each bound is sized to real use with a wide margin, and a reader stops as soon as one is crossed,
with a French message naming the bound and what to do. The README lists them; the tests run the
CLI on files made to cross each one, under a memory cap.
"""

from dataclasses import dataclass

from .errors import UserError
from .french import format_number

MIB = 1024 * 1024


class LimitError(UserError):
    """A file crosses one of the bounds below; the message names it and says what to do."""


@dataclass(frozen=True)
class Bound:
    """A bound: at most `limit` `unit` (« lignes », « Mo »…), sized for `why`; `advice` says what to do."""
    limit: int
    unit: str
    why: str
    advice: str

    def check(self, value: int, what: str) -> None:
        """Raise a LimitError when `value` crosses the bound: « Le tableau x.csv dépasse la limite de
        20 000 lignes (…) : découpez-le… »."""
        if value > self.limit:
            raise LimitError(f"{what} dépasse la limite de {self._shown()} ({self.why}) : {self.advice}.")

    def check_bytes(self, size: int, what: str) -> None:
        """The same for a size in bytes, the bound being in Mo: « Le fichier x.pdf est trop gros (25,3 Mo)… »."""
        if size > self.limit:
            raise LimitError(f"{what} est trop gros ({format_number(size / MIB, 1)} Mo, au-delà de la limite de "
                             f"{self._shown()} : {self.why}) : {self.advice}.")

    def _shown(self) -> str:
        return f"{format_number(self.limit / MIB if self.unit == 'Mo' else self.limit)} {self.unit}"


_SPLIT = "découpez-le en plusieurs fichiers (par région ou par département, par exemple)"

# --- Programmes of the Mois de l'ESS -----------------------------------------------------------
# A national edition is some 2,000 events in a brochure of a few hundred pages: every bound below
# leaves ten times that at least.
PROGRAMME_BYTES = Bound(20 * MIB, "Mo", "taille d'un programme",
                        "importez le programme seul, sans images, ou " + _SPLIT)
PROGRAMME_ROWS = Bound(20_000, "lignes", "une édition nationale compte environ 2 000 événements", _SPLIT)
PROGRAMME_COLUMNS = Bound(500, "colonnes", "un export d'agenda en a moins de 100",
                          "gardez les colonnes utiles (titre, dates, lieu, organisateur…)")
PROGRAMME_CELLS = Bound(2_000_000, "cellules", "20 000 événements de 100 colonnes", _SPLIT)
PROGRAMME_EVENTS = Bound(20_000, "événements", "une édition nationale en compte environ 2 000", _SPLIT)
# The programme reader takes about 30 s and 350 Mo for 4 million characters (8,000 brochure entries).
TEXT_CHARS = Bound(4_000_000, "caractères", "environ 2 000 pages de brochure", _SPLIT)
PDF_PAGES = Bound(2_000, "pages", "une brochure nationale en a quelques centaines", _SPLIT)

# --- XLSX workbooks (programmes and figures) ----------------------------------------------------
# An XLSX is a ZIP archive: a few kilobytes may unpack to gigabytes. The XML of a sheet is read as
# it streams, but its shared strings are held in memory whole.
XLSX_UNPACKED = Bound(400 * MIB, "Mo", "contenu décompressé d'un classeur",
                      "enregistrez-le en CSV, ou " + _SPLIT)
XLSX_SHARED_STRINGS = Bound(60 * MIB, "Mo", "textes partagés d'un classeur, gardés en mémoire",
                            "enregistrez-le en CSV, ou " + _SPLIT)

# --- Figures of the sector ---------------------------------------------------------------------
# The largest tidy file of figures one would load is every commune (about 35,000) for a dozen
# indicators over a few years, or a list the size of the national list of ESS establishments
# (about 1.3 million rows): 2 million rows read in chunks stay far below 1 Gio.
FIGURES_BYTES = Bound(300 * MIB, "Mo", "taille d'un fichier de chiffres", _SPLIT)
FIGURES_ROWS = Bound(2_000_000, "lignes", "toutes les communes pour une douzaine d'indicateurs sur "
                     "quelques années, ou la liste nationale des établissements de l'ESS", _SPLIT)
# A sheet's XML streams from the archive: only its shared strings stay in memory (bound above).
FIGURES_XLSX_UNPACKED = Bound(2_000 * MIB, "Mo", "contenu décompressé d'un classeur de chiffres",
                              "enregistrez-le en CSV, ou " + _SPLIT)
FIGURES_COLUMNS = Bound(1_000, "colonnes", "un tableau large a une colonne par année",
                        "gardez les colonnes utiles")
# Rows whose reasons are kept for the report; beyond, they are counted.
REPORTED_ERRORS = 1_000

# --- DuckDB's own memory -------------------------------------------------------------------------
# DuckDB takes 80 % of the machine's memory by default; beyond these it spills to disk instead.
WRITER_MEMORY = "256MB"         # a writer of the store, e.g. two million figures in one transaction
STAGING_MEMORY = "128MB"        # the checked figures of a file waiting to be saved
