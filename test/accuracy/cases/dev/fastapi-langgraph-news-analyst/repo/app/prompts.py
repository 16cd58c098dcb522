from langchain_core.prompts import ChatPromptTemplate

ANALYSIS_PROMPT = ChatPromptTemplate.from_template("Analyse this news item:\n{input_text}")
SENTIMENT_PROMPT = ChatPromptTemplate.from_template("What is the market sentiment of:\n{input_text}")
SUMMARY_PROMPT = ChatPromptTemplate.from_template("Summarise:\n{input_text}")
FINAL_PROMPT = ChatPromptTemplate.from_template(
    "Write a report from the analysis {analysis}, the sentiment {sentiment} and the summary {summary}."
)
