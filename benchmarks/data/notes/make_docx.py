"""Write caesar-republic.docx, the corpus's Word notes: Title and Heading styles, questions
and essay-like paragraphs, and notes kept in tables (a header row, then a row a point).

Run from the repository: python benchmarks/data/notes/make_docx.py. The .docx is committed
too, so the corpus does not depend on running this; run it again after changing the text.
"""

from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
TARGET = HERE / "caesar-republic.docx"

TITLE = "Julius Caesar and the fall of the Roman Republic"
TOPIC = "8: Caesar, civil war and the Ides of March"

RISE_QUESTIONS = [
    "2012: Describe Julius Caesar's rise to power up to 49 BC. (6)",
    "2015: Why did Caesar cross the Rubicon in January 49 BC? (8)",
]
RISE_ESSAY = (
    "Gaius Julius Caesar was born c. 100 BC into an old patrician family that had little "
    "money and less influence. He climbed the ladder of offices in the usual way, but he "
    "borrowed heavily to win popularity, paying for lavish games as aedile in 65 BC, and by "
    "the time he became consul his debts ran to millions of sesterces. In 60 BC he made a "
    "private pact with Pompey, Rome's greatest general, and Crassus, its richest man; the "
    "three agreed that nothing would be done in the state that displeased any of them. "
    "Historians call this the First Triumvirate."
)
RISE_TABLE = [
    ("When", "What Caesar did"),
    (
        "59 BC",
        "As consul he pushed through a land law for Pompey's veterans, ignoring his "
        "fellow consul Bibulus.",
    ),
    (
        "58–50 BC",
        "As governor of Gaul he conquered the whole country, a war he described "
        "himself in his Commentaries.",
    ),
    ("55 and 54 BC", "He crossed to Britain twice, which made him a hero to the Roman crowd."),
    ("52 BC", "He defeated Vercingetorix at Alesia, ending the last great Gallic revolt."),
]
RUBICON_TABLE = [
    ("Reason", "Detail"),
    (
        "Fear of prosecution",
        "His enemies in the Senate planned to put him on trial for "
        "illegal acts as consul as soon as he gave up his command and lost his immunity.",
    ),
    (
        "The loss of Pompey",
        "Crassus had been killed at Carrhae in 53 BC and Julia, Caesar's "
        "daughter and Pompey's wife, had died in 54 BC, so Pompey drifted to the side of the "
        "Senate.",
    ),
    ("Ambition", "He wanted a second consulship and the glory that went with it."),
    (
        "An army that was loyal to him",
        "His soldiers had served him for nine years, so he could rely on them against Rome itself.",
    ),
]
RUBICON_ESSAY = (
    "The crisis came to a head when the Senate ordered Caesar to give up his army and "
    "declared a state of emergency in early January 49 BC. The tribunes who supported him, "
    "Mark Antony among them, fled to his camp, which allowed Caesar to claim that he was "
    "defending the sacred rights of the tribunes. He led a single legion across the small "
    "river that marked the border of his province, knowing that this meant civil war."
)

MURDER_QUESTIONS = [
    "2013: Describe the assassination of Julius Caesar on 15 March 44 BC. (6)",
    "2016: Explain why Julius Caesar was assassinated in 44 BC. (8)",
    "2018: How far was Caesar himself to blame for his assassination? (12)",
]
MURDER_ESSAY = (
    "Victory in the civil war left Caesar master of the Roman world. Pompey was beaten at "
    "Pharsalus in 48 BC and murdered in Egypt soon after; the last Pompeian armies were "
    "destroyed at Thapsus in 46 BC and Munda in 45 BC. Caesar was generous to beaten "
    "enemies, pardoning many of them, Brutus and Cassius included, and he used his power "
    "for lasting reforms: the new calendar of 365 days, land for some eighty thousand "
    "veterans and poor citizens in colonies overseas, and Roman citizenship for more of the "
    "provinces. He enlarged the Senate to nine hundred members, filling it with his "
    "supporters."
)
MURDER_TABLE = [
    ("Cause", "How it angered the nobles"),
    (
        "Dictator for life",
        "In February 44 BC he was made dictator perpetuo, which showed "
        "that he meant to keep power for ever and would never restore the Republic.",
    ),
    (
        "Honours fit for a king",
        "His statue stood among those of the old kings, his head "
        "appeared on coins while he was alive, and he sat on a golden chair in the Senate.",
    ),
    (
        "Fear of monarchy",
        "At the Lupercalia Antony offered him a crown; he refused it, but "
        "many senators suspected the scene had been staged to test the crowd.",
    ),
    (
        "Wounded pride",
        "The senators lost the power to decide; decisions were taken by Caesar "
        "and his friends, and office now came as his gift.",
    ),
]
MURDER_EVENTS = (
    "About sixty senators joined the plot, led by Marcus Brutus and Gaius Cassius. On the "
    "Ides of March, 15/3/44 BC, the Senate met in the hall beside Pompey's theatre. Caesar "
    "had ignored warnings and dismissed his Spanish bodyguard. Tillius Cimber pulled at his "
    "toga as a signal, Casca struck first, and Caesar fell with twenty-three stab wounds at "
    "the foot of Pompey's statue. The conspirators ran through the streets calling out that "
    "Rome was free, but the people did not rise to support them."
)
MURDER_BLAME = (
    "Caesar's own conduct did much to bring it about. He flaunted honours that no "
    "republican could accept, he made no secret of his contempt for the old forms, and by "
    "disbanding his guard he left himself exposed. Yet the Republic had been breaking down "
    "for two generations before him: Marius and Sulla had already marched armies on Rome, "
    "generals commanded soldiers who were loyal to them and not to the state, and the "
    "nobles who killed him were defending their own privileges as much as liberty. His "
    "death did not save the Republic; it led to thirteen more years of civil war and to the "
    "rule of his heir Octavian, who became Augustus in 27 BC."
)


def add_table(document: docx.document.Document, rows: list[tuple[str, str]]) -> None:
    """A two-column table with its first row in bold, as teachers lay out revision grids."""
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def build() -> docx.document.Document:
    """The notes as a Word document."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(TOPIC, style="Heading 1")
    for question in RISE_QUESTIONS:
        document.add_paragraph(question)
    document.add_paragraph(RISE_ESSAY)
    add_table(document, RISE_TABLE)
    add_table(document, RUBICON_TABLE)
    document.add_paragraph(RUBICON_ESSAY)
    for question in MURDER_QUESTIONS:
        document.add_paragraph(question)
    document.add_paragraph(MURDER_ESSAY)
    add_table(document, MURDER_TABLE)
    document.add_paragraph(MURDER_EVENTS)
    document.add_paragraph(MURDER_BLAME)
    return document


def main() -> None:
    document = build()
    document.core_properties.author = "pastpaper"
    document.save(str(TARGET))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
