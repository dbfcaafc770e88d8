"""The Éditions page, run with AppTest."""


def metrics(at) -> list:
    return [(m.label, m.value) for m in at.metric]


def test_runs_on_the_bundled_data_with_the_national_figures(run_page, built_store):
    at = run_page("editions.py", built_store)
    assert not at.exception
    assert [t.label for t in at.tabs] == ["En France", "Par région", "Une édition", "Deux éditions"]
    assert len(at.get("plotly_chart")) == 1 and not at.dataframe  # only the open tab, tables when opened
    at.session_state["editions.nationaux"] = True
    sources = at.run().dataframe[0].value
    assert {"Édition", "Événements", "Précisions", "Source"} <= set(sources.columns)
    assert "plus de" in " ".join(sources["Événements"])
    assert at.sidebar.selectbox(key="editions.region") is not None


def test_two_editions_side_by_side(run_page, events_store):
    at = run_page("editions.py", events_store, {"a": "2017", "b": "2024", "onglet": "comparaison"})
    assert not at.exception
    got = metrics(at)
    assert ("Événements", "6") in got and ("Événements", "2") in got      # 2017: 5 in HdF + 1 in Paris
    assert at.query_params["a"] == "2017" and at.query_params["b"] == "2024"


def test_changing_the_region_filter_changes_the_numbers(run_page, events_store):
    at = run_page("editions.py", events_store, {"a": "2017", "b": "2024", "onglet": "comparaison"})
    before = metrics(at)
    at.sidebar.selectbox(key="editions.region").set_value("11").run()
    assert not at.exception
    after = metrics(at)
    assert after != before and ("Événements", "1") in after
    assert at.query_params["region"] == "11"


def test_url_restores_edition_and_filters(run_page, events_store):
    at = run_page("editions.py", events_store, {"edition": "2024", "region": "32", "onglet": "edition"})
    assert at.selectbox(key="editions.edition").value == 2024
    assert at.sidebar.selectbox(key="editions.region").value == "32"


def test_without_programmes_the_page_explains(run_page, built_store, db):
    from esscope import store
    with store.writing(db) as con:
        con.execute("DELETE FROM events")
    at = run_page("editions.py", db, {"onglet": "regions"})
    assert not at.exception
    assert any("Aucun programme" in i.value for i in at.info)


def test_a_filter_with_no_event_explains_itself(run_page, events_store):
    at = run_page("editions.py", events_store, {"region": "76", "onglet": "regions"})        # Occitanie: no event loaded there
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Aucun événement des programmes importés ne correspond à ces filtres" in captions
    assert ": ." not in captions


def test_themes_or_kinds_compared_one_chart_at_a_time(run_page, events_store):
    at = run_page("editions.py", events_store, {"a": "2017", "b": "2024", "onglet": "comparaison"})
    control = at.get("button_group")[0]
    assert control.label == "Répartition comparée" and control.value == "theme"
    titles = [m.value for m in at.markdown]
    assert any(t.startswith("**Thèmes") for t in titles) and not any(t.startswith("**Types") for t in titles)
    control.set_value("kind").run()
    assert not at.exception
    titles = [m.value for m in at.markdown]
    assert any(t.startswith("**Types") for t in titles) and not any(t.startswith("**Thèmes") for t in titles)


def test_multi_day_events_are_drawn_when_their_section_is_opened(run_page, built_store):
    at = run_page("editions.py", built_store, {"edition": "2017", "onglet": "edition"})
    assert [e.label for e in at.expander if e.label.startswith("Événements sur plusieurs jours")] == [
        "Événements sur plusieurs jours : 5, du premier au dernier jour"]
    assert not any(m.value.startswith("**Événements sur plusieurs jours") for m in at.markdown)   # no Gantt yet
    at.session_state["editions.plusieurs_jours"] = True
    at.run()
    assert not at.exception and any(m.value.startswith("**Événements sur plusieurs jours") for m in at.markdown)
    at = run_page("editions.py", built_store, {"edition": "2024", "onglet": "edition"})
    assert any(c.value == "Aucun événement sur plusieurs jours pour ces filtres." for c in at.caption)


def test_an_edition_chosen_in_a_tab_is_kept_while_another_is_open(run_page, events_store):
    at = run_page("editions.py", events_store, {"onglet": "edition"})
    at.selectbox(key="editions.edition").set_value(2017).run()
    at.session_state["editions.onglet"] = "En France"
    at.run()
    assert not at.main.selectbox and at.query_params["edition"] == "2017"
    at.session_state["editions.onglet"] = "Une édition"
    at.run()
    assert not at.exception and at.selectbox(key="editions.edition").value == 2017
