"""Dash dashboard of the Ontario anti-human-trafficking strategy tracker."""
