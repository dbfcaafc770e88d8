"""The staff password: stored hashed with a salt, checked in constant time, configured outside the code."""

import subprocess
import sys

import pytest

from esscope import auth


def test_right_password_matches_and_wrong_one_does_not():
    stored = auth.hash_password("un mot de passe assez long")
    assert auth.verify_password("un mot de passe assez long", stored)
    assert not auth.verify_password("un mot de passe assez lonG", stored)
    assert not auth.verify_password("", stored)


def test_hash_is_salted_and_never_holds_the_password():
    first, second = auth.hash_password("un mot de passe assez long"), auth.hash_password("un mot de passe assez long")
    assert first != second and "mot de passe" not in first and first.startswith("scrypt$")


def test_malformed_hash_never_matches():
    for stored in ("", "plain text", "scrypt$1$2$3", "md5$1$1$1$AA==$AA==", "scrypt$16384$8$1$!!$!!", None):
        assert not auth.verify_password("anything long enough", stored)


def test_short_passwords_are_refused():
    with pytest.raises(ValueError):
        auth.hash_password("court")


def test_hash_comes_from_environment_first_then_secrets():
    assert auth.configured_hash({auth.ENV_VAR: " h1 "}, {auth.ENV_VAR: "h2"}) == "h1"
    assert auth.configured_hash({}, {auth.ENV_VAR: "h2"}) == "h2"
    assert auth.configured_hash({}, {}) is None and auth.configured_hash({}, None) is None

    class Missing:
        def get(self, *_):
            raise FileNotFoundError("no secrets.toml")
    assert auth.configured_hash({}, Missing()) is None


def test_cli_hash_password_prints_a_hash_that_verifies():
    done = subprocess.run([sys.executable, "-m", "esscope.cli", "hash-password"], input="un mot de passe assez long\n",
                          capture_output=True, text=True, check=True)
    stored = done.stdout.strip()
    assert auth.verify_password("un mot de passe assez long", stored)
    assert auth.ENV_VAR in done.stderr
