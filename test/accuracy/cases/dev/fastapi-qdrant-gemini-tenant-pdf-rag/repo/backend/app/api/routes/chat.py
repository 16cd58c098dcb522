import logging

from fastapi import APIRouter, Depends

from ...config import settings
from ...deps import get_tenant_id
from ...schemas.chat import ChatRequest, ChatResponse, Citation
from ...services.guardrails import should_refuse
from ...services.llm import llm_generate
from ...services.rag import build_context, make_citations, retrieve

router = APIRouter()
log = logging.getLogger("timing")

SYSTEM = """You are a PDF question-answering assistant.
Use ONLY the provided CONTEXT. If the answer is not in it, say:
"I don't have enough information in the uploaded document(s) to answer that."
"""


@router.post("/chat", response_model=ChatResponse)
def chat(req: ChatRequest, tenant_id: str = Depends(get_tenant_id)):
    log.info("REQ /chat provider=%s q_len=%s top_k=%s", settings.llm_provider, len(req.question), req.top_k)

    pairs = retrieve(req.question, top_k=req.top_k, file_ids=req.file_ids, tenant_id=tenant_id)
    docs = [p[0] for p in pairs]
    scores = [p[1] for p in pairs]

    if should_refuse(docs):
        return ChatResponse(answer="I don't have enough information in the uploaded document(s) to answer that.", refused=True)

    context = build_context(docs)
    prompt = f"{SYSTEM}\n\nCONTEXT:\n{context}\n\nQUESTION:\n{req.question}\n\nANSWER:"

    answer = (llm_generate(prompt, max_tokens=req.max_tokens) or "").strip()

    if len(answer) < 120 and context.strip():
        retry_prompt = prompt + "\n\nIMPORTANT: Expand the answer. Minimum 6 sentences."
        answer = (llm_generate(retry_prompt, max_tokens=req.max_tokens) or "").strip()

    citations = [Citation(**c) for c in make_citations(docs, scores)]
    log.info("DONE /chat")
    return ChatResponse(answer=answer, refused=False, citations=citations)
