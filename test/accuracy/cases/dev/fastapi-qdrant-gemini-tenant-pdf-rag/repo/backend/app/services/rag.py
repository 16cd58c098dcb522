# stub: the original module is not reproduced; same names, minimal bodies
from .vectorstore import get_vectorstore


def retrieve(question, *, top_k, file_ids, tenant_id):
    flt = {"must": [{"key": "metadata.tenant_id", "match": {"value": tenant_id}}]}
    return get_vectorstore().similarity_search_with_score(question, k=top_k, filter=flt)


def build_context(docs):
    return "\n\n".join(d.page_content for d in docs)


def make_citations(docs, scores):
    return [{"source": "", "page": 0, "snippet": d.page_content[:200], "score": s} for d, s in zip(docs, scores)]
