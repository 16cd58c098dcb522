# stub: the original module is not reproduced
def chunk_pages(pages, *, chunk_size, chunk_overlap, file_id, tenant_id):
    return []
