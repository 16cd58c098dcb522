class InvalidDataException(Exception):
    pass


class NotConnectedException(Exception):
    pass
