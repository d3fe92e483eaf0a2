"""The strategy's deliverables and every source a figure is read from."""

from __future__ import annotations

from typing import Final

from pipelines.release.public_fields.common import LOCATOR, PILLAR, SOURCE_ID
from pipelines.release.public_fields.model import Stored, Table, field, made, required
from pipelines.vocabulary import MILESTONE_KINDS, MILESTONE_STATUSES, SOURCE_KINDS

# The strategy's deliverables with their latest status (marts.milestone_status keeps the
# dated history, pipelines/marts/milestones.py).
MILESTONES: Final = Table("milestones", "marts.milestones", (
    required(field("milestone_id", "id_jalon", "string", "Stable deliverable id",
                   "Identifiant stable du livrable")),
    required(PILLAR),
    required(field("kind", "type", "string", "activity or improvement",
                   "activity (activité) ou improvement (amélioration)", MILESTONE_KINDS,
                   labels="milestone")),
    Stored("sort_order", "INTEGER", True, "the strategy's order within the pillar"),
    Stored("text_en", "VARCHAR", True, "the commitment in English (our translation)"),
    Stored("text_fr", "VARCHAR", True, "the commitment in French (the strategy's bullet)"),
    made(field("text", "texte", "string", "The commitment in the file's language (the French "
               "is the strategy's own bullet; the English, our translation)",
               "L’engagement dans la langue du fichier (le français est la puce de la "
               "stratégie; l’anglais, notre traduction)", role="label"), required=True),
    required(field("status", "statut", "string", "Delivery status", "État d’avancement",
                   MILESTONE_STATUSES, labels="milestone")),
    field("status_date", "date_statut", "date", "Date of the status",
          "Date de l’état d’avancement"),
    field("note", "note", "string", "Note as recorded with the status",
          "Note telle qu’inscrite avec l’état", role="verbatim"),
    SOURCE_ID, LOCATOR,
),
    # Columns added from now on go here: after every published column (model.Table).
    added=(),
    primary_key=("milestone_id",), foreign_keys=(("source_id", "sources", "source_id"),))

# Every source: the published documents, context sources, and one per submission load
# (pipelines/submissions/publish.py).
SOURCES: Final = Table("sources", "meta.sources", (
    SOURCE_ID,
    required(field("title", "titre", "string", "Title as published", "Titre tel que publié",
                   role="verbatim")),
    # The English name; a French file gives publisher_fr when there is one.
    required(field("publisher", "editeur", "string", "Publisher", "Éditeur", role="label")),
    Stored("publisher_fr", "VARCHAR", True, "the publisher's French name"),
    required(field("language", "langue", "string", "Language of the document",
                   "Langue du document", ("en", "fr"), labels="label_language")),
    field("published", "publication", "string",
          "Publication date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD)",
          "Date de publication aussi précise que connue (AAAA, AAAA-MM ou AAAA-MM-JJ)"),
    required(field("published_about", "date_approximative", "boolean",
                   "true when the publication date is approximate",
                   "true lorsque la date de publication est approximative")),
    field("url", "url", "string", "Where the document was published",
          "Où le document a été publié"),
    required(field("sha256", "sha256", "string", "sha256 of the copy the figures were read from",
                   "sha256 de la copie dont les chiffres ont été lus")),
    Stored("raw_file", "VARCHAR", True, "the file under data/raw/, relative to it"),
    required(field("kind", "type", "string", "document, context, submission or demo",
                   "document, context (contexte), submission (soumission) ou demo",
                   SOURCE_KINDS, labels="label_source_kind")),
    Stored("tier", "VARCHAR", False, "context sources: 'primary'"),
    Stored("edition_en", "VARCHAR", True, "short label for legends and citations, in English"),
    Stored("edition_fr", "VARCHAR", True, "the same in French"),
    made(field("edition", "edition", "string", "Short label for citations",
               "Libellé court pour les citations", role="label"), required=True),
),
    # Columns added from now on go here: after every published column (model.Table).
    added=(),
    primary_key=("source_id",))
