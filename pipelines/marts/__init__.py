"""The marts the build computes from the loaded data: the status rule and the tables that
every page, briefing and download reads."""
