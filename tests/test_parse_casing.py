"""Titles printed in capitals come out in sentence case, acronyms and the document's names kept
(pure functions, no store)."""

import pytest

from esscope.parse.casing import display_title, learn_casing

DOCUMENT = """Programme de la semaine
Organisateur : FRENE
Le réseau des AMAP et la Maison de quartier Bois-Blancs vous accueillent.
Contact : contact@bois-blancs.example ou www.bois-blancs.example
Une journée pour découvrir la SCIC du quartier et ses partenaires.
"""


@pytest.mark.parametrize("title, shown", [
    ("FORMATION À LA GESTION D’UNE COOPÉRATIVE", "Formation à la gestion d’une coopérative"),
    ("L’ESS ET LES SCOP, UNE HISTOIRE COMMUNE", "L’ESS et les SCOP, une histoire commune"),
    ("RENCONTRE DES CAE ET DE LA CRESS", "Rencontre des CAE et de la CRESS"),
    ("LA SCIC TERRES XXI FÊTE SES 10 ANS", "La SCIC terres XXI fête ses 10 ans"),
    ("PORTES OUVERTES CHEZ MDLS", "Portes ouvertes chez MDLS"),
    ("PARTAGER NOS SAVOIRS, c’est parti !", "Partager nos savoirs, c’est parti !"),
])
def test_titles_in_capitals_are_shown_in_sentence_case(title, shown):
    assert display_title(title) == shown


@pytest.mark.parametrize("title", ["Ciné-débat « Le grand partage »", "CINÉ-DÉBAT « Le grand partage »",
                                   "Repair café du quartier", "Fête des SCOP et des SCIC", "ESS"])
def test_mixed_case_and_short_titles_are_left_as_written(title):
    assert display_title(title) == title


def test_words_the_document_prints_in_capitals_among_lower_case_stay_in_capitals():
    casing = learn_casing(DOCUMENT)
    assert display_title("LE FRENE FÊTE LA NATURE", casing) == "Le FRENE fête la nature"


def test_names_the_document_writes_with_a_capital_keep_it():
    casing = learn_casing(DOCUMENT)
    assert display_title("FÊTE DE QUARTIER À BOIS-BLANCS", casing) == "Fête de quartier à Bois-Blancs"


def test_a_word_also_written_in_lower_case_is_not_a_name():
    casing = learn_casing(DOCUMENT + "Un quartier vivant et une maison ouverte.\n")
    assert display_title("LA MAISON DU QUARTIER", casing) == "La maison du quartier"


def test_addresses_and_titles_in_capitals_teach_nothing():
    casing = learn_casing("Contact : www.Exemple.org\nFORUM DE L’EMPLOI SOLIDAIRE\nDANS LE QUARTIER, c’est possible !\n")
    assert not casing.acronyms and "exemple" not in casing.names
    assert display_title("FORUM DANS LE QUARTIER", casing) == "Forum dans le quartier"
