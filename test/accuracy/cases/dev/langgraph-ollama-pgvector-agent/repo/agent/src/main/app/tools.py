"""ReAct agent tools: web search, calculations and code execution."""

import os
import re
import logging
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

logger = logging.getLogger(__name__)


@dataclass
class ToolResult:
    success: bool
    content: str
    metadata: Optional[Dict[str, Any]] = None
    error: Optional[str] = None


class WebSearchTool:
    name = "web_search"

    def execute(self, query: str = None, max_results: int = 5, **kwargs) -> ToolResult:
        try:
            if not query:
                return ToolResult(success=False, content="", error="Web search requires a 'query' parameter.")
            search_results = self._simulate_search(query, max_results)
            formatted = [f"{i}. {r['title']}\n   {r['snippet']}\n   URL: {r['url']}" for i, r in enumerate(search_results, 1)]
            return ToolResult(success=True, content=f"Web search results for '{query}':\n\n" + "\n".join(formatted))
        except Exception as e:
            logger.error(f"Web search failed: {e}")
            return ToolResult(success=False, content="", error=f"Web search failed: {str(e)}")

    def _simulate_search(self, query: str, max_results: int) -> List[Dict[str, str]]:
        """Simulate search results. Replace with actual search API integration."""
        return [
            {
                "title": f"Search result {i+1} for: {query}",
                "snippet": f"This is a simulated search result snippet for query '{query}'.",
                "url": f"https://example.com/result-{i+1}"
            }
            for i in range(min(max_results, 3))
        ]


class CalculatorTool:
    name = "calculator"

    def execute(self, expression: str) -> ToolResult:
        try:
            import math
            allowed_names = {k: v for k, v in math.__dict__.items() if not k.startswith("__")}
            allowed_names.update({"abs": abs, "round": round, "min": min, "max": max})
            clean_expr = re.sub(r'[^0-9+\-*/().a-zA-Z_\s]', '', expression)
            result = eval(clean_expr, {"__builtins__": {}}, allowed_names)
            return ToolResult(success=True, content=f"Calculation: {expression} = {result}")
        except Exception as e:
            logger.error(f"Calculator error: {e}")
            return ToolResult(success=False, content="", error=f"Mathematical calculation failed: {str(e)}")


class CodeExecutionTool:
    """Executes Python code 'safely in a sandboxed environment'."""
    name = "code_execution"

    def execute(self, code: str, timeout: int = 10) -> ToolResult:
        try:
            with tempfile.NamedTemporaryFile(mode='w', suffix='.py', delete=False) as f:
                f.write(code)
                temp_file = f.name

            result = subprocess.run(
                ['python3', temp_file],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=tempfile.gettempdir()
            )

            os.unlink(temp_file)

            if result.returncode == 0:
                return ToolResult(success=True, content=f"Output:\n{result.stdout.strip()}")
            return ToolResult(success=False, content="", error=f"Code execution failed:\n{result.stderr.strip()}")

        except subprocess.TimeoutExpired:
            return ToolResult(success=False, content="", error=f"Code execution timed out after {timeout} seconds")
        except Exception as e:
            logger.error(f"Code execution error: {e}")
            return ToolResult(success=False, content="", error=f"Code execution failed: {str(e)}")
