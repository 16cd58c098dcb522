# backend/models.py
from pydantic import BaseModel, ConfigDict
from typing import List, Dict, Any, Optional


class Metadata(BaseModel):
    table: Optional[str]
    rows_scanned: Optional[int] = None
    sql: Optional[str] = None


class ProfilingPayload(BaseModel):
    summary: str
    metadata: Metadata
    insights: Optional[List[Dict[str, Any]]] = None
    diagnostics: Optional[Dict[str, Any]] = None


class ProfilingAgentResponse(BaseModel):
    session_id: str
    message: str
    payload: ProfilingPayload
    next_prompt: Optional[str] = None

    model_config = ConfigDict(from_attributes=True)
