"""The `esscope` command speaks French throughout: help, argparse's headings, errors."""

import re

import pytest

from esscope.cli import _parser, in_french, main

ENGLISH = re.compile(r"\b(usage|positional arguments|show this help|error|required|invalid|choose from|"
                     r"unrecognized|expected|argument|file not found)\b", re.IGNORECASE)


def commands(parser, prefix=()):
    """Every command line that has a help of its own: (), ("build",), ("indicators", "import")…"""
    yield prefix
    for action in parser._subparsers._group_actions if parser._subparsers else []:
        for name, sub in action.choices.items():
            yield from commands(sub, (*prefix, name))


@pytest.mark.parametrize("command", list(commands(_parser())), ids=" ".join)
def test_every_help_is_in_french(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and out.startswith("utilisation : esscope")
    assert "options :" in out and not ENGLISH.search(out.replace("arguments :", "")), out


@pytest.mark.parametrize("argv, message", [
    (["ingest"], "esscope ingest : il manque : FICHIER"),
    (["nope"], "esscope : COMMANDE : choix inconnu : 'nope'"),
    (["parse", "x.txt", "--edition", "deux-mille"], "esscope parse : --edition : « deux-mille » n'est pas un nombre"),
    (["sources", "--bogus"], "esscope : arguments inconnus : --bogus"),
    (["parse", "x.txt", "--edition"], "esscope parse : --edition attend une valeur"),
])
def test_command_line_mistakes_get_one_french_message(argv, message, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    err = capsys.readouterr().err
    assert done.value.code == 2 and message in err
    assert err.startswith("utilisation : ") and "Traceback" not in err and not ENGLISH.search(err.split("\n", 2)[-1])


def test_errors_of_the_commands_have_no_english_tail(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "absent.txt"), "--db", str(tmp_path / "absente.duckdb")]) == 1
    assert main(["sources", "--db", str(tmp_path / "absente.duckdb")]) == 1
    assert main(["indicators", "import", str(tmp_path / "absent.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("esscope : ") == 3 and " / " not in err and not ENGLISH.search(err), err


def test_an_unknown_argparse_message_is_kept_as_it_is():
    assert in_french("something new") == "something new"
    assert in_french("the following arguments are required: FICHIER, SOURCE") == "il manque : FICHIER, SOURCE"
