"""The Territoires page, run with AppTest."""


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_runs_on_the_bundled_data_and_opens_on_france(run_page, built_store):
    at = run_page("territoires.py", built_store)
    assert not at.exception
    assert at.text_input(key="territoires.q").value == ""
    assert at.selectbox(key="territoires.territoire").value == "country:FR"
    assert at.selectbox(key="territoires.indicateur").value == "share_of_jobs_pct"
    assert at.header[0].value == "France"
    assert [t.label for t in at.tabs] == ["Comparaison", "Carte", "Évolution", "Événements", "Chiffres"]


def test_search_box_finds_a_commune_and_the_url_keeps_it(run_page, events_store):
    at = run_page("territoires.py", events_store)
    at.text_input(key="territoires.q").input("Lille").run()
    assert not at.exception
    assert at.selectbox(key="territoires.territoire").value == "commune:59350"
    assert at.header[0].value == "Lille"
    assert at.query_params["territoire"] == "commune:59350" and at.query_params["q"] == "Lille"
    assert metrics(at)["Part de l'ESS dans l'emploi salarié"] == "11,9\u00a0%"


def test_choosing_another_territory_changes_the_figures(run_page, events_store):
    at = run_page("territoires.py", events_store, {"territoire": "epci:200093201"})
    before = metrics(at)
    assert before["Salariés"] == "52\u202f000" and before["Événements enregistrés"] == "4"
    at.selectbox(key="territoires.territoire").set_value("region:32").run()
    after = metrics(at)
    assert after["Salariés"] != before["Salariés"] and after["Événements enregistrés"] == "2"


def test_missing_figures_are_said_not_zero(run_page, events_store):
    at = run_page("territoires.py", events_store, {"territoire": "department:59"})
    assert metrics(at)["Candidatures aux Prix de l'ESS"] == "–"
    assert any("Aucun chiffre disponible" in c.value for c in at.caption)


def test_a_commune_without_figures_shows_its_parents_marked_as_theirs(run_page, events_store):
    at = run_page("territoires.py", events_store, {"territoire": "commune:62498"})
    assert metrics(at)["Part de l'ESS dans l'emploi salarié"] == "Pas-de-Calais : 12\u00a0%"
    assert "–" not in list(metrics(at).values())[:5]


def test_sources_are_shown_with_each_card(run_page, events_store):
    at = run_page("territoires.py", events_store, {"territoire": "epci:200093201"})
    captions = " ".join(c.value for c in at.caption) + " ".join(m.value for m in at.markdown)
    assert "Observatoire de la CRESS" in captions and "Chiffre ancien" in captions
    assert "[source](https://" in captions


def test_unknown_territory_in_the_url_falls_back_to_france(run_page, events_store):
    at = run_page("territoires.py", events_store, {"territoire": "commune:00000"})
    assert not at.exception and at.header[0].value == "France"


def test_search_without_match_warns(run_page, events_store):
    at = run_page("territoires.py", events_store, {"q": "zzzqqq"})
    assert not at.exception and at.warning


def test_indicator_choice_is_kept_in_the_url(run_page, events_store):
    at = run_page("territoires.py", events_store, {"territoire": "department:59"})
    at.selectbox(key="territoires.indicateur").set_value("loaded_events").run()
    assert not at.exception and at.query_params["indicateur"] == "loaded_events"


def test_a_misspelt_name_finds_the_territory_and_says_it_guessed(run_page, events_store):
    at = run_page("territoires.py", events_store, {"q": "Montpelier"})
    assert not at.exception and at.header[0].value == "Montpellier"
    assert any("Aucun territoire ne s'appelle exactement « Montpelier »" in i.value for i in at.info)


def open_tab(at, label: str):
    """Choose a tab as a reader's click does: the page reruns and draws that tab only."""
    at.session_state["territoires.onglet"] = label
    return at.run()


def test_one_series_chart_at_a_time_chosen_among_the_indicators(run_page, built_store):
    at = open_tab(run_page("territoires.py", built_store), "Évolution")
    [control] = at.get("button_group")
    assert control.label == "Série affichée" and len(control.options) > 1
    assert control.value == "share_of_jobs_pct"                  # the indicator compared above comes first
    assert len(at.get("plotly_chart")) == 1
    titles = [m.value.replace("\\", "") for m in at.markdown]
    assert "**Part de l'ESS dans l'emploi salarié au fil des années**" in titles
    control.set_value("employees").run()
    assert not at.exception and len(at.get("plotly_chart")) == 1
    assert "**Salariés au fil des années**" in [m.value for m in at.markdown]


def test_only_the_open_tab_is_drawn(run_page, built_store):
    at = run_page("territoires.py", built_store)
    assert len(at.get("plotly_chart")) == 2                      # parents and neighbours
    assert not at.get("component_instance") and not at.dataframe  # no map, no table until their tab is chosen
    open_tab(at, "Chiffres")
    assert not at.exception and not at.get("plotly_chart") and len(at.dataframe) == 2   # + other perimeters
    assert any(s.value == "Autres périmètres" for s in at.subheader)
    open_tab(at, "Carte")
    assert not at.exception and len(at.get("component_instance")) == 1 and not at.dataframe
    assert at.query_params["onglet"] == "carte"


def test_the_url_opens_a_tab_and_says_when_it_names_none(run_page, events_store):
    at = run_page("territoires.py", events_store, {"territoire": "epci:200093201", "onglet": "evenements"})
    assert not at.exception and len(at.dataframe) == 1 and not at.get("plotly_chart")
    at = run_page("territoires.py", events_store, {"onglet": "nulle-part"})
    assert not at.exception and len(at.get("plotly_chart")) == 2
    assert "onglet=nulle-part" in " ".join(w.value for w in at.warning).replace("\\", "")
