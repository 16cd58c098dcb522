import logging

script_run_logger = logging.getLogger("script_run")
script_run_logger.setLevel(logging.INFO)
script_run_logger.addHandler(logging.FileHandler("logs/logs.log"))
