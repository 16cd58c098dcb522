# Stand-in for the package module the handlers import their logger from (not read from the repository).
import logging

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("irrigation")
