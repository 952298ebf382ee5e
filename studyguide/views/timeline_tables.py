"""The timeline page's tables and notes (:mod:`studyguide.analysis.placement`): where each text sits in time."""

from __future__ import annotations

from ..analysis.placement import Placement

AROUND_HEADERS = ("Category", "Before", "From then on")
PLACEMENT_HEADERS = ("Text", "Date, as known", "How the date is known", "Events it is linked to")


def placement_rows(placed: list[Placement]) -> list[tuple[str, str, str, str]]:
    """Per text: its title, its date as known, how it is known, and its linked events (or a plain "none")."""
    rows = []
    for p in placed:
        meta = p.text.meta
        date = meta.date.described() if meta.date.known else "not known"
        if not meta.date.known and p.marks:
            date += f"; drawn {p.marks[-1].date_label()} (after the text it answers)"
        events = "; ".join(f"{e.title} ({e.date_label()})" for e in p.events) or "none: its sidecar links it to no event"
        rows.append((p.text.title, date, meta.date_note or "not recorded", events))
    return rows


def placement_notes(p: Placement) -> list[str]:
    """Plain sentences on what is not known of a text's place on the timeline (none when all is known)."""
    notes = []
    title = p.text.title
    if not p.marks:
        notes.append(f"“{title}” has no known date, and answers no dated text: it is not drawn on the timeline.")
    elif not p.text.meta.date.known:
        notes.append(f"“{title}” has no date of its own: it is drawn at the earliest it can be, "
                     f"{p.marks[-1].date_label()}, after the text it answers.")
    if not p.events:
        notes.append(f"“{title}”: its sidecar links it to no event of the timeline (field events), "
                     "so no event is shown as its subject.")
    return notes
