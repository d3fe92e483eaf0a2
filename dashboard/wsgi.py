"""WSGI entry point: ``gunicorn dashboard.wsgi:server``."""

from dashboard.app import create_app
from pipelines.settings import load_settings

server = create_app(load_settings(), warm_up=True).server
