from flask import Blueprint

api = Blueprint("api", __name__)

from . import rnd  # noqa: E402,F401
