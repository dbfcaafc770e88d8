"""Events of real programmes bundled with esscope (facts only: dates, titles, places, organisers)."""


def load_bundled_events(con, data_dir, log=print) -> int:
    """Placeholder until programme ingestion lands."""
    return 0
