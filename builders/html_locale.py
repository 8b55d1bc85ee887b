"""Page text in the reader's language (English, French, German) for the HTML builder; dates: timeline.display."""
from __future__ import annotations

from typing import Any

from timeline.display import LOCALES, check_locale, month_names

_SHORT = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
}



# Interface text; {n} and {name} are filled in by the page script or the builder.
STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "skip": "Skip to the event list", "search": "Search", "search_placeholder": "titles, summaries, quotes, people, places",
        "lane": "Lane", "tag": "Tag", "source": "Source", "all": "All", "clear": "Clear filters",
        "zoom_in": "Zoom in", "zoom_out": "Zoom out", "zoom_group": "Zoom and move along the timeline", "earlier": "Earlier", "later": "Later", "reset": "Show all",
        "plot_label": "Timeline plot", "events": "Events", "match": "{n} events match", "match_one": "1 event matches",
        "no_match": "No event matches", "opened": "Opened: {name}", "closed": "Details closed", "close": "Close",
        "details": "Event details", "summary": "Summary", "note": "Editor’s note", "citations": "Sources",
        "disputes": "Where the sources disagree", "published": "published {}", "published_inferred": "published {} (date inferred, not stated)", "read_source": "Read the source",
        "show_in_source": "Show in source", "source_view": "Source text", "actors": "People and organisations",
        "places": "Places", "tags": "Tags", "reports": "{n} sources", "reports_one": "1 source",
        "candidate": "Candidate, not yet reviewed", "no_plot": "The interactive plot needs JavaScript; every event is listed below.",
        "legend": "How to read the plot", "legend_point": "a day", "legend_bar": "a month, season, year or period",
        "legend_open": "hollow or hatched, with ~ or ?: approximate or uncertain",
        "legend_era": "shaded bands: eras", "not_plotted": "date unknown, not on the plot", "zoomed": "Showing {a} to {b}",
        "keys": "Drag on the plot to zoom in; double-click to show all.", "era": "Era", "lang": "en",
        "generated": "Made with annotated-timeline", "excerpt": "excerpt", "uncited": "no quote",
        "picture": "Picture (opens the image’s site)", "credit": "Credit: {}", "list": "Events list", "previous": "Previous", "next": "Next", "step_group": "Step through the events shown",
        "group": "{n} events close together: click to zoom in", "count_of": "{n} of {total}",
        "none_here": "None is in the range shown: use Show all.",
    },
    "fr": {
        "skip": "Aller à la liste des événements", "search": "Rechercher",
        "search_placeholder": "titres, résumés, citations, personnes, lieux", "lane": "Thème", "tag": "Mot-clé",
        "source": "Source", "all": "Tous", "clear": "Effacer les filtres", "zoom_in": "Zoom avant", "zoom_group": "Zoomer et se déplacer dans la chronologie",
        "zoom_out": "Zoom arrière", "earlier": "Plus tôt", "later": "Plus tard", "reset": "Tout afficher",
        "plot_label": "Graphique chronologique", "events": "Événements", "match": "{n} événements correspondent",
        "match_one": "1 événement correspond", "no_match": "Aucun événement ne correspond", "opened": "Ouvert : {name}",
        "closed": "Détails fermés", "close": "Fermer", "details": "Détails de l’événement", "summary": "Résumé",
        "note": "Note de l’éditeur", "citations": "Sources", "disputes": "Points où les sources divergent",
        "published": "publié {}", "published_inferred": "publié {} (date déduite, non indiquée)", "read_source": "Lire la source", "show_in_source": "Voir dans la source",
        "source_view": "Texte de la source", "actors": "Personnes et organisations", "places": "Lieux",
        "tags": "Mots-clés", "reports": "{n} sources", "reports_one": "1 source",
        "candidate": "Candidat, pas encore vérifié",
        "no_plot": "Le graphique interactif nécessite JavaScript ; tous les événements sont listés ci-dessous.",
        "legend": "Lire le graphique", "legend_point": "un jour", "legend_bar": "un mois, une saison, une année ou une période",
        "legend_open": "creux ou hachuré, avec ~ ou ? : approximatif ou incertain",
        "legend_era": "bandes grises : périodes", "not_plotted": "date inconnue, absent du graphique",
        "zoomed": "Affichage de {a} à {b}",
        "keys": "Glissez sur le graphique pour zoomer ; double-cliquez pour tout afficher.", "era": "Période",
        "lang": "fr", "generated": "Réalisé avec annotated-timeline", "excerpt": "extrait", "uncited": "sans citation",
        "picture": "Image (ouvre le site de l’image)", "credit": "Crédit : {}", "list": "Liste des événements", "previous": "Précédent", "next": "Suivant", "step_group": "Parcourir les événements affichés",
        "group": "{n} événements rapprochés : cliquez pour zoomer", "count_of": "{n} sur {total}",
        "none_here": "Aucun n’est dans la période affichée : utilisez Tout afficher.",
    },
    "de": {
        "skip": "Zur Ereignisliste springen", "search": "Suchen",
        "search_placeholder": "Titel, Zusammenfassungen, Zitate, Personen, Orte", "lane": "Thema", "tag": "Schlagwort",
        "source": "Quelle", "all": "Alle", "clear": "Filter zurücksetzen", "zoom_in": "Vergrößern", "zoom_group": "Zeitleiste vergrößern und verschieben",
        "zoom_out": "Verkleinern", "earlier": "Früher", "later": "Später", "reset": "Alles zeigen",
        "plot_label": "Zeitleiste", "events": "Ereignisse", "match": "{n} Ereignisse gefunden",
        "match_one": "1 Ereignis gefunden", "no_match": "Kein Ereignis gefunden", "opened": "Geöffnet: {name}",
        "closed": "Details geschlossen", "close": "Schließen", "details": "Ereignisdetails", "summary": "Zusammenfassung",
        "note": "Anmerkung der Redaktion", "citations": "Quellen", "disputes": "Wo die Quellen sich widersprechen",
        "published": "veröffentlicht {}", "published_inferred": "veröffentlicht {} (Datum erschlossen, nicht angegeben)", "read_source": "Quelle lesen", "show_in_source": "In der Quelle zeigen",
        "source_view": "Quelltext", "actors": "Personen und Organisationen", "places": "Orte", "tags": "Schlagwörter",
        "reports": "{n} Quellen", "reports_one": "1 Quelle", "candidate": "Kandidat, noch nicht geprüft",
        "no_plot": "Die interaktive Grafik braucht JavaScript; alle Ereignisse stehen in der Liste unten.",
        "legend": "So liest man die Grafik", "legend_point": "ein Tag",
        "legend_bar": "ein Monat, eine Jahreszeit, ein Jahr oder ein Zeitraum",
        "legend_open": "hohl oder schraffiert, mit ~ oder ?: ungefähr oder unsicher",
        "legend_era": "graue Bänder: Epochen", "not_plotted": "Datum unbekannt, nicht in der Grafik",
        "zoomed": "Zeige {a} bis {b}", "keys": "Ziehen Sie über die Grafik zum Vergrößern; Doppelklick zeigt alles.",
        "era": "Epoche", "lang": "de", "generated": "Erstellt mit annotated-timeline", "excerpt": "Auszug",
        "uncited": "ohne Zitat",
        "picture": "Bild (öffnet die Seite des Bildes)", "credit": "Bildnachweis: {}", "list": "Ereignisliste", "previous": "Zurück", "next": "Weiter", "step_group": "Durch die gezeigten Ereignisse blättern",
        "group": "{n} Ereignisse dicht beieinander: zum Vergrößern klicken", "count_of": "{n} von {total}",
        "none_here": "Keines liegt im gezeigten Zeitraum: „Alles zeigen“ benutzen.",
    },
}

def strings(locale: str) -> dict[str, str]:
    """Every interface text for a locale."""
    return STRINGS[check_locale(locale)]


def plotly_locale(locale: str) -> dict[str, Any]:
    """Month names for plotly's date axis (registered in the page as a plotly locale module)."""
    return {"months": month_names(locale), "shortMonths": _SHORT[locale]}
