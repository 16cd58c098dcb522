# stub: the original module is not reproduced
def should_refuse(docs):
    return not docs
