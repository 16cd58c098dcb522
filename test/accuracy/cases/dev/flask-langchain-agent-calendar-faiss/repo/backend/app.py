from flask import Flask, request, jsonify
from flask_cors import CORS
import json

from langchain.agents import initialize_agent, Tool
from langchain.agents.agent_types import AgentType

from google_calendar import create_event
from pdf_qa_bot import rag_answer, llm

app = Flask(__name__)
CORS(app)

calendar_tool = Tool(
    name="Google Calendar Tool",
    func=lambda x: create_event(**json.loads(x)),
    description="Creates calendar events. Input: JSON with name, date, time, purpose.",
)

pdf_qa_tool = Tool(
    name="PDF Question Answering Tool",
    func=rag_answer,
    description="Answers questions from the uploaded PDF documents.",
)

agent = initialize_agent(
    tools=[calendar_tool, pdf_qa_tool],
    llm=llm,
    agent=AgentType.ZERO_SHOT_REACT_DESCRIPTION,
    verbose=True,
)


@app.route("/")
def home():
    return jsonify({"message": "Backend is running!"})


@app.route("/agent", methods=["POST"])
def run_agent():
    data = request.get_json()
    message = data.get("message", "")
    print(f"Received message: {message}")

    if not message:
        return jsonify({"error": "No message provided"}), 400

    try:
        response = agent.invoke(message)
        print(f"Agent response: {response}")
        if isinstance(response, dict) and "output" in response:
            answer_text = response["output"]
        else:
            answer_text = str(response)
        return jsonify({"answer": answer_text})
    except Exception as e:
        print(f"Agent error: {str(e)}")
        return jsonify({"error": str(e)}), 500


@app.route("/book_appointment", methods=["POST"])
def book_appointment():
    data = request.get_json()
    name = data.get("name")
    date = data.get("date")
    time = data.get("time")
    purpose = data.get("purpose")

    if not all([name, date, time, purpose]):
        return jsonify({"error": "Missing information"}), 400

    try:
        calendar_link = create_event(name, date, time, purpose)
        return jsonify({"message": f"Appointment booked for {name} on {date}.", "calendar_link": calendar_link})
    except Exception as e:
        print("Error in create_event:", e)
        return jsonify({"error": f"create_event failed: {str(e)}"}), 500


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
