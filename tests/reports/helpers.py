import datetime as dt
import io

from pypdf import PdfReader

from tending.core.timezones import local_today
from tending.reports.services import create_report


def report_for(user, *, days: int = 30, **choices):
    today = local_today(user)
    return create_report(
        owner=user, start_date=today - dt.timedelta(days=days - 1), end_date=today, **choices
    )


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
