"""Where the figures come from: one module per source (published documents, curated
reference CSVs, context figures) and the table checker they share."""
