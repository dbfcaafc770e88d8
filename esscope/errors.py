"""The one exception type for problems a user can fix: its message says what is wrong and what to do."""


class UserError(Exception):
    """Bad input or a missing store: shown as one message (in French), never as a traceback."""
