from log.logger import logger
