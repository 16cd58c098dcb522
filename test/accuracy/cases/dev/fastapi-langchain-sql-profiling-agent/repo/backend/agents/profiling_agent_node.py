# agents/profiling_agent_node.py
import os
import time
from typing import Dict, Any

from sqlalchemy import create_engine, inspect

from services.langchain_sql_agent import create_langchain_sql_query
from services.sql_executor import execute_sql


def quote_ident(identifier: str) -> str:
    # In production, prefer SQLAlchemy text() with bind params or engine-specific quoting.
    if '"' in identifier or "'" in identifier:
        return identifier  # leave as-is (best effort)
    return f'"{identifier}"'


class ProfilingAgentNode:
    def __init__(self):
        self.ACTIONS = {
            "nulls": self.handle_null_counts,
        }

    def run(self, state: Dict[str, Any]) -> Dict[str, Any]:
        intent = state.get("intent", "profile")
        handler = self.ACTIONS.get(intent)
        if not handler:
            state["message"] = f"Intent '{intent}' not implemented in profiling agent."
            state["payload"] = {}
            return state
        try:
            return handler(state)
        except Exception as e:
            state["message"] = f"Error during profiling: {str(e)}"
            state["payload"] = {
                "summary": "Agent failed to run profiling.",
                "metadata": {"table": state.get("context", {}).get("table") or "unknown"},
                "diagnostics": {"errors": [str(e)]},
            }
            return state

    def handle_null_counts(self, state: Dict[str, Any]) -> Dict[str, Any]:
        start_ts = time.time()
        ctx = state.get("context") or {}
        table = ctx.get("table") or ""
        db_url = os.getenv("DATABASE_URL", "sqlite:///./demo.db")
        engine = create_engine(db_url)

        diagnostics = {"warnings": [], "errors": []}
        provenance = {
            "engine": db_url.split("://")[0] if db_url else "unknown",
            "executor": "sql_query_chain" if create_langchain_sql_query() else "sql_executor",
        }

        sql_used = None
        try:
            agent = create_langchain_sql_query()
            user_text = state.get("userText", "").strip()
            prompt = f"""
            You are a SQL generation assistant.
            The user said:
            \"\"\"{user_text}\"\"\"
            Intent: "nulls"
            Table: `{table}`
            Generate a single SQL query that counts NULL values for each relevant column in `{table}`.
            If the user provided filters (e.g., WHERE conditions), apply them.
            Return only SQL - no commentary, no markdown.
            """
            agent_output = agent.invoke({"question": prompt})
            sql_used = agent_output.strip().strip("`")
        except Exception as e:
            diagnostics["warnings"].append(f"SQL agent generation failed: {str(e)}")

        if not sql_used:
            inspector = inspect(engine)
            try:
                columns = [c["name"] for c in inspector.get_columns(table)]
            except Exception:
                cols_df = execute_sql(f"PRAGMA table_info({table})")
                columns = [r.get("name") for r in cols_df.to_dict(orient="records")]
            null_agg_cols = [
                f"SUM(CASE WHEN {quote_ident(col)} IS NULL THEN 1 ELSE 0 END) AS {quote_ident(col + '_nulls')}"
                for col in columns
            ]
            sql_used = f"SELECT {', '.join(null_agg_cols)} FROM {quote_ident(table)};"

        df_counts = execute_sql(sql_used)
        row_values = {c: int(df_counts.iloc[0][c]) for c in df_counts.columns} if not df_counts.empty else {}

        rows_scanned = None
        try:
            count_df = execute_sql(f"SELECT COUNT(*) AS __cnt FROM {quote_ident(table)};")
            rows_scanned = int(count_df.iloc[0]["__cnt"]) if not count_df.empty else None
        except Exception:
            diagnostics["warnings"].append("Could not compute total row count (COUNT(*) failed or expensive).")

        sample_df = execute_sql(f"SELECT * FROM {quote_ident(table)} LIMIT 10;")

        state["message"] = "Completed"
        state["payload"] = {
            "summary": f"Profiled {len(row_values)} columns.",
            "metadata": {"table": table, "rows_scanned": rows_scanned, "sql": sql_used},
            "insights": [{"column": c, "null_count": v} for c, v in row_values.items()],
            "diagnostics": diagnostics,
            "sample": sample_df.to_dict(orient="records"),
            "elapsed_ms": (time.time() - start_ts) * 1000.0,
            "provenance": provenance,
        }
        return state
