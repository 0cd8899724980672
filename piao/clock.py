"""The only place piao reads the clock: SOURCE_DATE_EPOCH when set (reproducible
outputs), else today's date."""

from __future__ import annotations

import datetime
import os


def today() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()
