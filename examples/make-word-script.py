"""Write examples/harbour-bridge.docx: a two-column Word script (pictures left, sound right)
with a page header, the way a newsroom template lays one out.

    python examples/make-word-script.py
"""

from pathlib import Path

import docx

ROWS = [
    ("VIDEO", "AUDIO"),
    ("(CAM 1 -- DANA)", "ANCHOR: The Harbour Bridge reopens to traffic on Monday, three weeks "
                        "ahead of schedule. Sam Patel has the details."),
    ("TAKE VO\nWide of bridge at dawn\nGVs crews lifting cones",
     "Crews finished resurfacing the eastern span overnight. The work was due to run until the "
     "end of the month."),
    ("GFX: TOLLS UNCHANGED", "The city says tolls stay where they are, and the cycle lane opens "
                             "on the same day."),
    ("(CAM 1 -- DANA)", "ANCHOR TAG: Drivers are asked to use the western approach until Monday "
                        "morning."),
]


def main() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "KVLT 6PM -- HARBOUR BRIDGE -- page 1"
    for line in ("SLUG: HARBOUR BRIDGE", "WRITER: SPATEL", "STATUS: READY"):
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROWS), cols=2)
    table.style = "Table Grid"
    for r, (pictures, sound) in enumerate(ROWS):
        table.cell(r, 0).text = pictures
        table.cell(r, 1).text = sound
        if r == 0:
            for cell in table.rows[0].cells:
                cell.paragraphs[0].runs[0].bold = True
    document.add_paragraph("##")
    document.save(Path(__file__).with_name("harbour-bridge.docx"))


if __name__ == "__main__":
    main()
