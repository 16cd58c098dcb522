from PyPDF2 import PdfReader


def chunk_pdf(pdf_file_path, chunk_size=500):
    reader = PdfReader(pdf_file_path)
    text = ""
    for page in reader.pages:
        text += page.extract_text()
    return [text[i:i + chunk_size] for i in range(0, len(text), chunk_size)]
