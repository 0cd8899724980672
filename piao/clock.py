"""The only place piao reads the clock: SOURCE_DATE_EPOCH when set (reproducible
outputs; validated in piao.ambiente), else today's date."""

from __future__ import annotations

import datetime

from piao.ambiente import source_date_epoch


def today() -> datetime.date:
    epoch = source_date_epoch()
    if epoch is not None:
        return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).date()
    return datetime.date.today()
