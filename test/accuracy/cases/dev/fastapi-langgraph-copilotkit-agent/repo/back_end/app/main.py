# app/main.py
from ag_ui_langgraph import add_langgraph_fastapi_endpoint
from copilotkit import LangGraphAGUIAgent
from fastapi import FastAPI

from app.agent_graph import build_graph

graph = build_graph()

app = FastAPI()
add_langgraph_fastapi_endpoint(
    app=app,
    agent=LangGraphAGUIAgent(
        name="sample_agent",
        description="Describe your agent here, will be used for multi-agent orchestration",
        graph=graph,
    ),
    path="/sample_agent",
)


@app.get("/health")
def health():
    """Health check."""
    return {"status": "ok"}
