# stub: the original module is not reproduced
def extract_pdf_text_by_page(path):
    return []
