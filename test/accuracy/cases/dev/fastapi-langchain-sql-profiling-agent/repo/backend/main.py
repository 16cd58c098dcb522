# backend/main.py
import json
import re
from typing import Any, Dict, Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware

from models import ProfilingAgentResponse
from agents.profiling_agent_node import ProfilingAgentNode

app = FastAPI(title="DataSure Agentic Backend", version="1.0.0")

# very permissive CORS for local dev; tighten for prod
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_methods=["*"],
    allow_headers=["*"],
)

profiling_agent = ProfilingAgentNode()

LABELS = ["nulls", "distincts", "distribution", "duplicates", "outliers", "schema", "full_profile"]


def parse_intent_result(result_text: str) -> Dict[str, Optional[str]]:
    if not result_text:
        return {"intent": None, "explanation": None, "raw": ""}
    try:
        m = re.search(r"\{[\s\S]*\}", result_text)
        if m:
            obj = json.loads(m.group(0))
            return {"intent": obj.get("intent"), "explanation": obj.get("explanation"), "raw": result_text}
    except Exception:
        # fall through to heuristic parsing
        pass
    normalized = result_text.lower()
    for label in LABELS:
        if label in normalized:
            return {"intent": label, "explanation": result_text.strip(), "raw": result_text}
    return {"intent": None, "explanation": result_text.strip(), "raw": result_text}


async def detect_intent_llm(user_text: str) -> Dict[str, Optional[str]]:
    if not user_text or not user_text.strip():
        return {"intent": None, "explanation": "empty query", "raw": ""}

    prompt = f"""
You are an intent classifier for dataset profiling. Allowed labels: {LABELS}
Return JSON only: {{"intent":"<label>","explanation":"<one-line explanation>"}}
Now classify this user query (return JSON only):
USER: "{user_text}"
""".strip()

    try:
        from services.llm_client import get_openai_llm

        llm = get_openai_llm()
        raw = llm.predict(prompt)
        parsed = parse_intent_result(raw or "")
        parsed["raw"] = raw or ""
        return parsed
    except Exception:
        try:
            from langchain.chat_models import ChatOpenAI
            chat = ChatOpenAI(temperature=0)
            raw = chat.predict(prompt)
            parsed = parse_intent_result(raw or "")
            parsed["raw"] = raw or ""
            return parsed
        except Exception:
            return {"intent": None, "explanation": "LLM not configured", "raw": ""}


@app.post("/run_agent", response_model=ProfilingAgentResponse)
async def run_agent(request: Request):
    try:
        payload = await request.json()
    except Exception as e:
        raise HTTPException(status_code=400, detail=f"Invalid JSON body: {e}")

    session_id = payload.get("session_id", f"session-{int( (0) )}")
    agent = payload.get("agent", "profiling")
    user_text = payload.get("userText", "")
    mode = payload.get("mode", "nl")
    context = payload.get("context", {}) or {}
    explicit_intent = payload.get("intent")

    if agent != "profiling":
        raise HTTPException(status_code=400, detail="Unsupported agent. Only 'profiling' is supported by this endpoint.")

    detected_intent_info = None
    intent_to_use = explicit_intent
    if not explicit_intent:
        detected_intent_info = await detect_intent_llm(user_text)
        intent_to_use = detected_intent_info.get("intent")

    if not intent_to_use:
        return ProfilingAgentResponse(
            session_id=session_id,
            message="I couldn't detect what exactly you want me to do. Please choose an intent (e.g., nulls, distincts).",
            payload={"summary": "Could not determine intent automatically.", "metadata": {"table": context.get("table") or None}},
            next_prompt=None,
        )

    state: Dict[str, Any] = {
        "session_id": session_id,
        "agent": agent,
        "mode": mode,
        "userText": user_text,
        "context": context,
        "intent": intent_to_use,
    }

    try:
        result_state = profiling_agent.run(state)
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Profiling node error: {e}")

    try:
        response = ProfilingAgentResponse(
            session_id=result_state.get("session_id", session_id),
            message=result_state.get("message", "") or "Completed",
            payload=result_state.get("payload", {}),
            next_prompt=result_state.get("next_prompt"),
        )
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Response validation error: {e}")
    return response
