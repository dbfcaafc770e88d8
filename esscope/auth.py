"""The staff password that guards every write from the app.

Only a hash is stored (scrypt with a random salt), in the environment variable
ESSCOPE_ADMIN_PASSWORD_HASH or in Streamlit secrets under the same name; `esscope hash-password`
makes it. A password typed in the app is checked in constant time.
"""

import base64
import hashlib
import hmac
import os
import secrets as _secrets

ENV_VAR = "ESSCOPE_ADMIN_PASSWORD_HASH"
SCHEME = "scrypt"
N, R, P = 2 ** 14, 8, 1
MIN_LENGTH = 10


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$16384$8$1$<salt>$<hash>' for the password (base64 salt and hash)."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"Le mot de passe doit compter au moins {MIN_LENGTH} caractères.")
    salt = salt or _secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return "$".join([SCHEME, str(N), str(R), str(P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash; a malformed hash never matches."""
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
