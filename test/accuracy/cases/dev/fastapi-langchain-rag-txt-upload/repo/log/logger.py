import os
import logging
import logging.config
from config.constants import LOG_DIR

config_path = os.path.join(LOG_DIR, "logger.ini")
logging.config.fileConfig(
    config_path,
    disable_existing_loggers=False,
    defaults={"logfilename": os.path.join(LOG_DIR, "info.log")},
)
logger = logging.getLogger()
