import logging


def setup_logger(log_file_path, console_log_level=None):
    logging.basicConfig(filename=log_file_path, level=console_log_level or logging.INFO)


def get_logger(name):
    return logging.getLogger(name)
