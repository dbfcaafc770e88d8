"""The words of programmes: one written form per kind and theme, one table of field labels (on a
labelled line or as a table's column name)."""

import pytest

from esscope.parse.vocabulary import canonical_kind, canonical_theme, column_field, is_theme, label_of


@pytest.mark.parametrize("written", ["Rencontres", "rencontre", "RENCONTRE", " Rencontre. "])
def test_kinds_written_differently_are_stored_as_one(written):
    assert canonical_kind(written) == "Rencontre"


@pytest.mark.parametrize("written, label", [
    ("Evénement festif", "Événement festif"), ("Conférences", "Conférence"), ("portes-ouvertes", "Portes ouvertes"),
    ("ciné débat", "Ciné-débat"), ("webinar", "Webinaire"), ("Chantiers", "Chantier participatif"),
    ("TABLE-RONDE", "Table ronde"), ("petit déjeuner", "Petit-déjeuner")])
def test_kind_variants_map_to_the_controlled_vocabulary(written, label):
    assert canonical_kind(written) == label


def test_unknown_kind_is_kept_with_a_capital_initial():
    assert canonical_kind("panier culturel") == "Panier culturel"
    assert canonical_kind("ATELIER CUISINE") == "Atelier cuisine"
    assert canonical_kind("") is None and canonical_kind(None) is None


@pytest.mark.parametrize("written", ["ENTREPRENDRE/TRAVAILLER", "ENTREPRENDRE ET TRAVAILLER", "Entreprendre & travailler",
                                     "entreprendre / travailler"])
def test_theme_written_with_slash_or_et_is_stored_as_one(written):
    assert canonical_theme(written) == "Entreprendre / travailler"


def test_themes_take_their_one_written_form():
    assert canonical_theme("LOISIRS CULTURE") == "Loisirs, culture"
    assert canonical_theme("Culture et loisirs") == "Loisirs, culture"
    assert canonical_theme("AGIR ENSEMBLE") == "Agir ensemble"
    assert canonical_theme("economie circulaire") == "Économie circulaire"


def test_unknown_theme_keeps_its_words_in_sentence_case():
    assert canonical_theme("ÉCONOMIE SOCIALE/SOLIDAIRE") == "Économie sociale / solidaire"
    assert canonical_theme(None) is None
    assert is_theme("Entreprendre et travailler") and not is_theme("Atelier vélo")


@pytest.mark.parametrize("line, expected", [
    ("Lieu : Maison des associations", ("venue", "Maison des associations")),
    ("Adresse : 3 rue Fouré", ("address", "3 rue Fouré")),
    ("Ville : Nantes", ("commune", "Nantes")),
    ("Organisé par : La Rustine", ("organizer", "La Rustine")),
    ("Organisateur(s) : La Rustine", ("organizer", "La Rustine")),
    ("Porté par la SCIC Bois", ("organizer", "la SCIC Bois")),
    ("À l'initiative de : la CRESS", ("organizer", "la CRESS")),
    ("Horaires : 9h-12h", ("time", "9h-12h")),
    ("Tarif : 5 €", ("price", "5 €")),
    ("Titre : Atelier vélo", ("title", "Atelier vélo")),
    ("Événement : Forum", ("title", "Forum")),
    ("Public : tout public", ("public", "tout public")),
    ("Date | mardi 5 novembre", ("date", "mardi 5 novembre")),
])
def test_labelled_lines_name_the_field_they_fill(line, expected):
    assert label_of(line) == expected


def test_a_title_with_a_colon_is_not_a_labelled_line():
    assert label_of("Rencontre : « Entreprendre en coopérative »") is None
    assert label_of("Atelier : créer sa coopérative") is None


@pytest.mark.parametrize("cell, field", [
    ("Date", "date"), ("Jour", "date"), ("Horaire(s)", "time"), ("Heure", "time"), ("Événement", "title"),
    ("Intitulé", "title"), ("Titre", "title"), ("Lieu", "venue"), ("Salle", "venue"), ("Adresse", "address"),
    ("Ville", "commune"), ("Commune", "commune"), ("Code postal", "postcode"), ("Organisateur", "organizer"),
    ("Structure", "organizer"), ("Porteur", "organizer"), ("Contact", "contact"), ("Tarif", "price"),
    ("Prix", "price"), ("Thème", "theme"), ("Type", "kind")])
def test_column_names_name_the_field_of_their_column(cell, field):
    assert column_field(cell) == field


def test_cells_that_are_not_column_names():
    assert column_field("Atelier vélo") is None
    assert column_field("07/11/2024") is None
