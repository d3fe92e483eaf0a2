"""The OpenAPI description and the API agree (issue 21): schemathesis generates requests from
``/api/v1/openapi.json`` (valid ones and, for every parameter, invalid ones) and sends them to
a real server on 127.0.0.1; every check it has must pass: no server error, every answer's
status, content type, headers and body as documented, invalid requests refused and valid
ones accepted. Bounded and deterministic: a fixed number of examples per operation,
derandomized, no example database, nothing fetched from the network."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from dashboard.web.openapi import openapi_spec

EXAMPLES = 30
schema = schemathesis.openapi.from_dict(openapi_spec(""))
schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE,
                                       schemathesis.GenerationMode.NEGATIVE])


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case: schemathesis.Case, live_url: str) -> None:
    case.call_and_validate(base_url=live_url)
