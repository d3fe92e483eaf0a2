"""A refused download filter, in the reader's language.

:class:`FilterProblem` is the :class:`~pipelines.errors.InvalidFilterError` the download set
raises: a :class:`~pipelines.language.messages.Message` of the catalogue's ``filter_problem``
section, as a validation problem is one of the ``problem`` section. ``str()`` is the English
message (the command line, the JSON API and the logs keep it), :meth:`FilterProblem.text`
the message in a page's language. A message always names the parameter and the value
refused.
"""

from __future__ import annotations

from pipelines.errors import InvalidFilterError
from pipelines.language.messages import Message

# Longer values are cut in messages: a message names the value, it does not echo a page.
SHOWN: int = 40


class FilterProblem(InvalidFilterError):
    """A filter refused for the reason ``key`` (a ``filter_problem.<key>`` catalogue entry)
    with the values ``params`` it names. ``english`` replaces the catalogue's English text
    when a more precise one is known (the fiscal quarter parser's own reason)."""

    def __init__(self, key: str, *, english: str | None = None, **params: object) -> None:
        self.key = key
        self.params = {name: _shown(value) for name, value in params.items()}
        self.what = Message.of(f"filter_problem.{key}", **self.params)
        super().__init__(english or self.what.text("en"))

    def text(self, lang: str) -> str:
        """The message in ``lang`` (English: exactly ``str(self)``)."""
        if lang != "fr":
            return str(self)
        return self.what.text("fr")


def _shown(value: object) -> object:
    return value[:SHOWN] if isinstance(value, str) else value


def problem_text(error: InvalidFilterError, lang: str) -> str:
    """Any refused filter's message in ``lang`` (one raised elsewhere stays in English)."""
    return error.text(lang) if isinstance(error, FilterProblem) else str(error)
