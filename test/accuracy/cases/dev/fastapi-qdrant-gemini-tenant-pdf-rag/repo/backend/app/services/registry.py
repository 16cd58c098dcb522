# stub: the original module is not reproduced
def append_record(data_dir, record):
    return None


def load_records(data_dir):
    return []


def rewrite_records(data_dir, records):
    return None
