"""What the tests share: servers, databases built once, the staff accounts, the browser, a
reader of Dash's JSON. Test modules import from here and never from each other (checked by
tests/test_architecture.py); see docs/testing.md."""
