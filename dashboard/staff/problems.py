"""Validation problems in the reader's language.

The pipelines word every problem in English, as the command line prints it and as
``meta.loads`` keeps it. The staff pages show them in French too: each English wording is a
pattern here with its French wording. A message no pattern knows stays in English and is
marked ``lang="en"`` on the page, so a screen reader pronounces it as English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pipelines.errors import Problem

_ANY: Final = r"(?P<{}>.+?)"


def _pattern(english: str) -> re.Pattern[str]:
    """``{name}`` in ``english`` matches any text and is carried into the French."""
    parts = re.split(r"\{(\w+)\}", english)
    regex = "".join(re.escape(part) if i % 2 == 0 else _ANY.format(part)
                    for i, part in enumerate(parts))
    return re.compile(regex + r"\Z", re.DOTALL)


# English wording (pipelines/submissions/report.py, read.py, xlsx.py, pipelines/marts/
# milestones.py) -> French.
_WORDINGS: Final[tuple[tuple[str, str], ...]] = (
    ("formula cell {cell}; paste the value, not the formula",
     "cellule de formule {cell}; collez la valeur, pas la formule"),
    ("more cells than header columns", "plus de cellules que de colonnes d’en-tête"),
    ("required value is empty", "valeur obligatoire vide"),
    ('unknown indicator "{v}"; submissions accept: {list}',
     "indicateur inconnu « {v} »; les soumissions acceptent : {list}"),
    ('unknown geography "{v}"; allowed: {list}', "géographie inconnue « {v} »; permises : {list}"),
    ('malformed quarter "{v}"; expected a fiscal quarter such as 2026-27Q2',
     "trimestre mal formé « {v} »; attendu : un trimestre de l’exercice comme 2026-27Q2"),
    ("quarter {v} is outside the strategy period {period}",
     "le trimestre {v} est hors de la période de la stratégie {period}"),
    ("quarter {v} is in the future; the latest complete quarter is {q}",
     "le trimestre {v} est dans le futur; le dernier trimestre terminé est {q}"),
    ('malformed breakdown "{v}"; expected "total" or "dimension:value" (age:12-15)',
     "ventilation mal formée « {v} »; attendu « total » ou « dimension:valeur » (age:12-15)"),
    ('unknown qualifier "{v}"; allowed: {list}', "qualificatif inconnu « {v} »; permis : {list}"),
    ('not a number: "{v}"', "pas un nombre : « {v} »"),
    ('value cannot be negative: "{v}"', "la valeur ne peut pas être négative : « {v} »"),
    ('a count must be a whole number: "{v}"',
     "un dénombrement doit être un nombre entier : « {v} »"),
    ('a percentage cannot be above 100: "{v}"',
     "un pourcentage ne peut pas dépasser 100 : « {v} »"),
    ("duplicate of row {row} (same indicator_id, quarter, geography and breakdown)",
     "doublon de la ligne {row} (mêmes indicator_id, quarter, geography et breakdown)"),
    ("{what} parts add up to {sum}, more than the total {total} on row {row}",
     "les parties ({what}) totalisent {sum}, plus que le total {total} de la ligne {row}"),
    ("… and {n} more rows with the same problem", "… et {n} autres lignes ayant le même problème"),
    ('required column "{c}" is missing', "la colonne obligatoire « {c} » est absente"),
    ('unknown column "{c}"; allowed: {list}', "colonne inconnue « {c} »; permises : {list}"),
    ("file is {size} bytes, over the {limit}-byte limit",
     "le fichier fait {size} octets, au-delà de la limite de {limit} octets"),
    ("file is empty", "le fichier est vide"),
    ("file has a header but no data rows", "le fichier a un en-tête mais aucune ligne de données"),
    ("file is UTF-16 text without a byte-order mark; save it as CSV UTF-8 (or as .xlsx)",
     "le fichier est du texte UTF-16 sans indicateur d’ordre des octets; enregistrez-le en "
     "CSV UTF-8 (ou en .xlsx)"),
    ("not a CSV or XLSX file; save the template as .csv or .xlsx",
     "ce n’est pas un fichier CSV ou XLSX; enregistrez le modèle en .csv ou en .xlsx"),
    ("cannot decode the file as UTF-8 or Windows-1252 text",
     "impossible de lire le fichier comme du texte UTF-8 ou Windows-1252"),
    ("not a readable CSV file ({why})", "fichier CSV illisible ({why})"),
    ("the sheet is not well-formed XML ({where}); save it again as .xlsx",
     "la feuille n’est pas du XML bien formé ({where}); enregistrez-la de nouveau en .xlsx"),
    ("declares a document type or entities, which a submission may not contain",
     "déclare un type de document ou des entités, ce qu’une soumission ne peut contenir"),
    ("is not well-formed XML ({where})", "n’est pas du XML bien formé ({where})"),
    ("file not found", "fichier introuvable"),
    ("workbook has {n} sheets; submit exactly one sheet",
     "le classeur a {n} feuilles; soumettez une seule feuille"),
    ('workbook has {n} sheets ({names}); submit one sheet of figures and, optionally, a '
     'second sheet named "{sheet}"',
     "le classeur a {n} feuilles ({names}); soumettez une feuille de chiffres et, au besoin, "
     "une deuxième feuille nommée « {sheet} »"),
    ("workbook has no sheet; save the template again as .xlsx",
     "le classeur n’a aucune feuille; enregistrez de nouveau le modèle en .xlsx"),
    ("sheet has more than {n} rows", "la feuille a plus de {n} lignes"),
    ("the deliverables section has more than {n} rows; send one row per status",
     "la section des livrables a plus de {n} lignes; envoyez une ligne par état"),
    ("duplicate of row {row} (same milestone_id and as_of)",
     "doublon de la ligne {row} (mêmes milestone_id et as_of)"),
    ('malformed date "{v}"; expected YYYY-MM-DD, such as 2026-09-30',
     "date mal formée « {v} »; attendu AAAA-MM-JJ, comme 2026-09-30"),
    ("workbook unpacks to {size} bytes, over the {limit}-byte limit",
     "le classeur décompressé fait {size} octets, au-delà de la limite de {limit} octets"),
    ('workbook part "{part}" unpacks to {size} bytes, over the {limit}-byte limit',
     "la partie « {part} » du classeur décompressée fait {size} octets, au-delà de la limite "
     "de {limit} octets"),
    ("workbook has {n} parts, over the limit of {limit}",
     "le classeur a {n} parties, au-delà de la limite de {limit}"),
    ("the workbook cannot be unpacked ({why}); save it again as .xlsx",
     "le classeur ne peut pas être décompressé ({why}); enregistrez-le de nouveau en .xlsx"),
    ("the workbook cannot be read ({why}); save it again as .xlsx",
     "le classeur est illisible ({why}); enregistrez-le de nouveau en .xlsx"),
    ('workbook part "{part}" {why}', "partie « {part} » du classeur : {why}"),
    ("the workbook could not be read within {n} seconds; save it again as .xlsx with only the "
     "template's columns and rows",
     "le classeur n’a pas pu être lu en {n} secondes; enregistrez-le de nouveau en .xlsx avec "
     "seulement les colonnes et les lignes du modèle"),
    ("the workbook could not be read within the reader's memory limit (its cells may lie far "
     "apart); save it again as .xlsx with only the template's columns and rows",
     "le classeur n’a pas pu être lu dans la limite de mémoire du lecteur (ses cellules sont "
     "peut-être très éloignées); enregistrez-le de nouveau en .xlsx avec seulement les "
     "colonnes et les lignes du modèle"),
    ("a formula cell has no cell reference; paste the values, not the formulas, and save it "
     "again as .xlsx",
     "une cellule de formule n’a pas de référence; collez les valeurs, pas les formules, puis "
     "enregistrez de nouveau en .xlsx"),
    ("the rows of the sheet cannot be numbered; save it again as .xlsx",
     "les lignes de la feuille ne peuvent pas être numérotées; enregistrez-la de nouveau en "
     ".xlsx"),
    ("unknown deliverable {v}", "livrable inconnu {v}"),
    ("status {v} is not one of {list}", "l’état {v} n’est pas l’un de : {list}"),
    ("source {v} is not one of {list}", "la source {v} n’est pas l’une de : {list}"),
    ("as_of {d} is in the future", "as_of {d} est dans le futur"),
    ("as_of {d} is before the strategy began ({start})",
     "as_of {d} est antérieur au début de la stratégie ({start})"),
    ("who recorded the status is required", "il faut indiquer qui a consigné l’état"),
    ("evidence_url must start with http:// or https://",
     "evidence_url doit commencer par http:// ou https://"),
    ("note is longer than {n} characters", "la note dépasse {n} caractères"),
    ("the password must have at least {n} characters",
     "le mot de passe doit compter au moins {n} caractères"),
    ("{v} is not an e-mail address", "{v} n’est pas une adresse courriel"),
    ("role {v} is not one of {list}", "le rôle {v} n’est pas l’un de : {list}"),
    ("{v} already has an account; change its role, password or state instead",
     "{v} a déjà un compte; changez plutôt son rôle, son mot de passe ou son statut"),
    ("{v} is the last active administrator; make another administrator first",
     "{v} est le dernier administrateur actif; nommez d’abord un autre administrateur"),
    ("no account {v}", "aucun compte {v}"),
)
_COMPILED: Final = tuple((_pattern(en), fr) for en, fr in _WORDINGS)


@dataclass(frozen=True)
class ShownProblem:
    """A problem as a staff page shows it: ``lang`` is the language of ``message``."""

    file: str
    row: int
    column: str
    message: str
    lang: str


def translate(message: str, lang: str) -> tuple[str, str]:
    """``(message in lang, its language)``: English when no wording matches."""
    if lang != "fr":
        return message, "en"
    for pattern, french in _COMPILED:
        match = pattern.match(message)
        if match:
            return french.format(**match.groupdict()), "fr"
    return message, "en"


def localise(problem: Problem, lang: str) -> ShownProblem:
    message, shown_lang = translate(problem.message, lang)
    return ShownProblem(problem.file, problem.row, problem.column, message, shown_lang)
