"""The report as a PDF, drawn on the server with fpdf2: the same charts (SVG) and tables as
the page.

Text is set in DejaVu Sans, shipped in ``fonts/`` with its licence, which covers Latin,
Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic letters and typographic punctuation.
It has no Chinese, Japanese or Korean characters and no emoji: any character the font lacks
prints as "?" so the rest of the text still reads, and the page and the share link keep
showing the original words.
"""

import functools
import io
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import FontFace

from tending.reports.selectors import ReportContent

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
FONT_FILES = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
MISSING = "?"
CHART_FONT_FAMILY = 'font-family="Helvetica, Arial, sans-serif"'
ACCENT = (47, 111, 98)


@functools.cache
def font_characters() -> frozenset[int]:
    """The code points that every style of the report font can draw."""
    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in FONT_FILES.values()]
    return frozenset(set.intersection(*maps))


def printable(text: str) -> str:
    """The text with any character the report font lacks replaced by "?"."""
    drawable = font_characters()
    return "".join(
        char if ord(char) in drawable or char in "\n\t" else MISSING
        for char in unicodedata.normalize("NFC", str(text))
    )


class ReportPDF(FPDF):
    def __init__(self, content: ReportContent):
        super().__init__(format="A4")
        for style, path in FONT_FILES.items():
            self.add_font(FONT, style, path)
        self.content = content
        self.set_auto_page_break(auto=True, margin=16)
        self.set_title(printable(f"Report of {content.owner_name}"))
        self.set_creator("Tending")
        self.set_author(printable(content.owner_name))

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(95, 90, 82)
        self.cell(
            0,
            6,
            printable(f"{self.content.heading}. Page {self.page_no()}"),
            align="C",
        )

    def heading(self, text: str, size: int = 13):
        self.ln(3)
        self.set_font(FONT, "B", size)
        self.set_text_color(*ACCENT)
        self.multi_cell(0, 7, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, size=10)

    def paragraph(self, text: str):
        """Set ragged right: justified lines stretch the spaces between words, which is
        harder to read and copies out of the PDF with runs of spaces."""
        self.set_font(FONT, size=10)
        self.multi_cell(0, 5.5, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def table_of(self, headers, rows, font_size: int = 9):
        self.set_font(FONT, size=font_size)
        with self.table(
            headings_style=FontFace(emphasis="BOLD", fill_color=(226, 239, 233)),
            line_height=5,
            text_align="LEFT",
            first_row_as_headings=True,
        ) as table:
            table.row([printable(h) for h in headers])
            for row in rows:
                table.row([printable(cell) for cell in row])
        self.ln(2)

    def chart(self, svg: str):
        width = self.epw * 0.9
        if self.will_page_break(width * 170 / 360 + 4):
            self.add_page()
        svg = printable(svg).replace(CHART_FONT_FAMILY, f'font-family="{FONT}"')
        self.image(io.BytesIO(svg.encode()), w=width)
        self.ln(2)


def render_report_pdf(content: ReportContent) -> bytes:
    pdf = ReportPDF(content)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, printable(content.heading), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.paragraph(
        f"{content.owner_name}, {content.start:%d %B %Y} to {content.end:%d %B %Y}. "
        f"Prepared on {content.prepared_on:%d %B %Y} with Tending, a self-care app for "
        "people and couples. The numbers are the person's own daily answers on 1-to-5 "
        "scales (stress: 5 is most stressed) and hours of sleep; they are not clinical scores."
    )
    pdf.paragraph("Included: " + (", ".join(content.included) or "nothing"))
    if content.partner_left_out:
        pdf.paragraph(content.partner_left_out)

    if content.checkins_included:
        pdf.heading("Daily check-ins")
        pdf.paragraph(f"Days with a check-in: {content.checkin_days}.")
        pdf.table_of(content.average_headers, content.averages)
        for chart in content.charts:
            if chart.has_data:
                pdf.heading(chart.title, size=11)
                pdf.chart(chart.svg)
        if content.top_feelings:
            pdf.heading("Feelings named most", size=11)
            pdf.table_of(("Feeling", "Days"), [(w, str(c)) for w, c in content.top_feelings])
        if content.top_needs:
            pdf.heading("What would have helped", size=11)
            pdf.table_of(("Request", "Days"), [(w, str(c)) for w, c in content.top_needs])
        if content.table_rows:
            pdf.heading("Day by day" if content.table_headers[0] == "Day" else "Week by week")
            pdf.table_of(content.table_headers, content.table_rows, font_size=7)
    if content.notes_included:
        pdf.heading("Notes")
        if not content.notes:
            pdf.paragraph("No notes in this time.")
        for day, note in content.notes:
            pdf.set_font(FONT, "B", 10)
            pdf.cell(0, 6, printable(f"{day:%d %B %Y}"), new_x="LMARGIN", new_y="NEXT")
            pdf.paragraph(note)
    if content.assessments_included:
        pdf.heading("Questionnaires")
        if content.assessments:
            pdf.table_of(
                ("Date", "Questionnaire", "Score", "Band"),
                [(a.date, a.name, a.score, a.band) for a in content.assessments],
            )
        else:
            pdf.paragraph("No questionnaires completed in this time.")
    if content.practices_included:
        pdf.heading("Shared practices")
        if content.practices_left_out:
            pdf.paragraph(content.practices_left_out)
        elif content.practices:
            pdf.paragraph(
                "Practices completed as a couple, with how each felt on a scale of 1 to 5 "
                "when it was rated."
            )
            pdf.table_of(
                ("Date", "Practice", "How it felt"),
                [(f"{p.day:%d %b %Y}", p.name, p.feeling) for p in content.practices],
            )
        else:
            pdf.paragraph("No shared practices completed in this time.")
    return bytes(pdf.output())
