"""One exception type whose message is the one line the user sees."""


class NewsreaderError(Exception):
    """A failure with a clear one-line message; never shown as a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
