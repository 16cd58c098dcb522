import os
from typing import Annotated

from dotenv import load_dotenv
from langchain.chat_models import init_chat_model
from langchain_core.messages import AIMessage, BaseMessage, SystemMessage
from langchain_core.tools import tool
from langgraph.checkpoint.memory import MemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode
from typing_extensions import TypedDict

load_dotenv()

if "OPENAI_API_KEY" not in os.environ:
    raise ValueError("Missing OPENAI_API_KEY in environment!")


class State(TypedDict):
    messages: Annotated[list, add_messages]


@tool
def basic_tool(messages: list[BaseMessage]) -> dict:
    """Wrap up the final answer."""
    last_message = messages[-1].content
    return {"messages": [AIMessage(content=f"I have finished processing your question: {last_message}")]}


@tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers together."""
    result = a * b
    print(f"[multiply] {a} * {b} = {result}")
    return result


def route_tools(state: State) -> str:
    messages = state.get("messages", [])
    if not messages:
        raise ValueError("No messages found in state")
    last_msg = messages[-1]
    if hasattr(last_msg, "tool_calls") and last_msg.tool_calls:
        return "tools"
    return END


def build_graph():
    llm = init_chat_model("openai:gpt-5-nano", temperature=0)
    tools = [multiply]
    llm_with_tools = llm.bind_tools(tools, parallel_tool_calls=False)

    def chatbot(state: State) -> dict:
        messages = [SystemMessage(content="You can use the `multiply` tool to answer math questions.")] + state["messages"]
        response = llm_with_tools.invoke(messages)
        print(f"[chatbot] response: {response}")
        return {"messages": [response]}

    graph = StateGraph(State)
    graph.add_node("chatbot", chatbot)
    graph.add_node("tools", ToolNode(tools=tools))
    graph.add_node("basic_tool", basic_tool)
    graph.add_edge(START, "chatbot")
    graph.add_conditional_edges("chatbot", route_tools, path_map={"tools": "tools", END: "basic_tool"})
    graph.add_edge("tools", "chatbot")
    graph.add_edge("basic_tool", END)

    return graph.compile(checkpointer=MemorySaver())
