"""The staff password: stored hashed with a salt, checked in constant time, configured outside the code."""

import subprocess
import sys
import time

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


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_repeated_failures_make_a_session_wait_longer_and_longer():
    clock = Clock()
    throttle = auth.Throttle(clock)
    for _ in range(auth.Throttle.FREE):
        assert throttle.wait("a") == 0
        throttle.failed("a")
    waits = []
    for _ in range(4):
        waits.append(throttle.wait("a"))
        clock.now += waits[-1]
        throttle.failed("a")
    assert waits == [2.0, 4.0, 8.0, 16.0]
    assert throttle.wait("b") == 0                      # another session is not held up by one attacker…
    throttle.succeeded("a")
    assert throttle.wait("a") == 0
    for _ in range(12):
        clock.now += 400
        throttle.failed("a")
    assert throttle.wait("a") == auth.Throttle.CEILING


def test_many_sessions_failing_together_make_everyone_wait():
    clock = Clock()
    throttle = auth.Throttle(clock)
    for i in range(auth.Throttle.OVERALL_FREE):
        throttle.failed(f"session-{i}")                 # one failure each: no session is held up by itself
    assert throttle.wait("new") == auth.Throttle.BASE
    clock.now += auth.Throttle.WINDOW + 1
    assert throttle.wait("new") == 0


def test_failures_are_logged_without_the_password(caplog):
    throttle = auth.Throttle()
    with caplog.at_level("WARNING", logger="esscope.auth"):
        throttle.failed("0123456789abcdef")
    assert "refusé" in caplog.text and "01234567" in caplog.text and "89abcdef" not in caplog.text


def test_a_huge_password_is_refused_before_hashing():
    stored = auth.hash_password("un mot de passe de test")
    started = time.perf_counter()
    assert not auth.verify_password("x" * 10_000_000, stored)
    assert time.perf_counter() - started < 0.1
    with pytest.raises(ValueError):
        auth.hash_password("x" * (auth.MAX_LENGTH + 1))
