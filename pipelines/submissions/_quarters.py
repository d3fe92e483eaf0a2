"""A minimal fiscal-quarter type, private to submissions until ``pipelines.periods`` lands.

Ontario's fiscal year runs 1 April - 31 March, so ``2026-27Q2`` is July - September 2026.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_LABEL = re.compile(r"^(\d{4})-(\d{2})Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    """Fiscal quarter ``q`` (1-4) of the fiscal year starting 1 April ``year``."""

    year: int
    q: int

    @classmethod
    def parse(cls, text: str) -> Quarter | None:
        """``'2026-27Q2'`` -> Quarter(2026, 2); None when malformed."""
        match = _LABEL.match(text.strip())
        if not match or int(match[2]) != (int(match[1]) + 1) % 100:
            return None
        return cls(int(match[1]), int(match[3]))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        year = day.year if day.month >= 4 else day.year - 1
        return cls(year, (day.month - 4) % 12 // 3 + 1)

    @classmethod
    def latest_complete(cls, today: date) -> Quarter:
        """The last quarter that ended before ``today``."""
        return cls.containing(today).previous()

    @property
    def label(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}Q{self.q}"

    @property
    def start(self) -> date:
        month = 4 + 3 * (self.q - 1)
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.q == 4 else Quarter(self.year, self.q + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.q == 1 else Quarter(self.year, self.q - 1)

    def __str__(self) -> str:
        return self.label


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    out: list[Quarter] = []
    current = first
    while current <= last:
        out.append(current)
        current = current.next()
    return out
