"""The staff password that guards every write from the app.

Only a hash is stored (scrypt with a random salt), in the environment variable
ESSCOPE_ADMIN_PASSWORD_HASH or in Streamlit secrets under the same name; `esscope hash-password`
makes it. A password typed in the app is checked in constant time, is at most MAX_LENGTH characters,
and repeated failures make every next try wait longer (`Throttle`), per browser session and for
everyone at once; each failure is logged, never the password.
"""

import base64
import hashlib
import hmac
import logging
import os
import secrets as _secrets
import threading
import time
from collections import deque

ENV_VAR = "ESSCOPE_ADMIN_PASSWORD_HASH"
SCHEME = "scrypt"
N, R, P = 2 ** 14, 8, 1
MIN_LENGTH = 10
MAX_LENGTH = 256        # longer is refused before hashing: scrypt on megabytes would take seconds
log = logging.getLogger("esscope.auth")


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$16384$8$1$<salt>$<hash>' for the password (base64 salt and hash)."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"Le mot de passe doit compter au moins {MIN_LENGTH} caractères.")
    if len(password) > MAX_LENGTH:
        raise ValueError(f"Le mot de passe doit compter au plus {MAX_LENGTH} caractères.")
    salt = salt or _secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return "$".join([SCHEME, str(N), str(R), str(P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash; a malformed hash, or a password longer than
    MAX_LENGTH, never matches."""
    if len(password or "") > MAX_LENGTH:
        return False
    try:
        scheme, n, r, p, salt, digest = (stored or "").strip().split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt((password or "").encode("utf-8"), salt=base64.b64decode(salt, validate=True),
                                n=int(n), r=int(r), p=int(p), dklen=len(expected), maxmem=2 ** 26)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def configured_hash(environ=None, secrets=None) -> str | None:
    """The stored hash from the environment, else from Streamlit secrets; None when neither has one."""
    environ = os.environ if environ is None else environ
    value = environ.get(ENV_VAR, "").strip()
    if not value and secrets is not None:
        try:
            value = str(secrets.get(ENV_VAR, "") or "").strip()
        except Exception:  # noqa: BLE001 - no secrets file is the same as no secret
            value = ""
    return value or None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Throttle:
    """Failed password attempts, per browser session and for everyone together.

    A session may fail FREE times; after that each try waits BASE seconds, doubling with every further
    failure, up to CEILING. All sessions together may fail OVERALL_FREE times within WINDOW seconds
    before every session waits the same way: an attacker who opens new sessions gains nothing. A
    success clears its session's count. Thread-safe: one instance serves every session of the app."""
    FREE, BASE, CEILING = 3, 2.0, 300.0
    OVERALL_FREE, WINDOW = 20, 900.0

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self._lock = threading.Lock()
        self._sessions = {}          # session → (failures in a row, time of the last one)
        self._recent = deque()       # times of the failures of all sessions, within WINDOW

    @classmethod
    def _delay(cls, failures: int, free: int) -> float:
        return 0.0 if failures < free else min(cls.CEILING, cls.BASE * 2 ** (failures - free))

    def wait(self, session: str) -> float:
        """Seconds before `session` may try again (0: now)."""
        now = self.clock()
        with self._lock:
            self._forget(now)
            failures, last = self._sessions.get(session, (0, now))
            own = self._delay(failures, self.FREE) - (now - last)
            overall = self._delay(len(self._recent), self.OVERALL_FREE) - (now - self._recent[-1]) if self._recent \
                else 0.0
            return max(0.0, own, overall)

    def failed(self, session: str) -> None:
        """Count a failure and log it (the session's start and counts, never the password)."""
        now = self.clock()
        with self._lock:
            self._forget(now)
            failures = self._sessions.get(session, (0, now))[0] + 1
            self._sessions[session] = (failures, now)
            self._recent.append(now)
            overall = len(self._recent)
        log.warning("Mot de passe de l'équipe refusé : session %s…, %d échec(s) de suite, %d en %d min pour "
                    "toutes les sessions", session[:8], failures, overall, self.WINDOW // 60)

    def succeeded(self, session: str) -> None:
        with self._lock:
            self._sessions.pop(session, None)

    def _forget(self, now: float) -> None:
        while self._recent and now - self._recent[0] > self.WINDOW:
            self._recent.popleft()
