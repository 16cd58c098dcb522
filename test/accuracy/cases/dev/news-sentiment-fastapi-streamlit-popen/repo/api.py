from fastapi import FastAPI
from utils import fetch_news, analyze_sentiment, analyze_topic_overlap, summarize_text

app = FastAPI()


@app.get("/sentiment/")
def get_sentiment(company: str):
    """Fetch news and analyze sentiment"""
    url = f"https://newsapi.org/v2/everything?q={company}&language=en&sortBy=publishedAt&pageSize=5&apiKey=4b1f0c2d9e8a47f6b3c5d7e9a1f2b3c4"
    response = requests.get(url)

    if response.status_code != 200:
        return {"error": "Failed to fetch news"}

    articles = response.json().get("articles", [])

    news_list = []
    for article in articles:
        summary = article["description"] if article["description"] else "No summary available"
        sentiment = analyze_sentiment(summary)
        news_list.append({"title": article["title"], "summary": summary, "sentiment": sentiment, "url": article["url"]})

    shared_topics, unique_topics = analyze_topic_overlap(news_list)
    final_summary = summarize_text(" ".join(a["summary"] for a in news_list))

    return {
        "news": news_list,
        "shared_topics": list(shared_topics),
        "unique_topics": {k: list(v) for k, v in unique_topics.items()},
        "final_summary": final_summary,
        "audio_file": "/download_audio",
    }


@app.get("/download_audio")
def download_audio():
    """Serve the generated TTS audio file."""
    return {"message": "Audio available at: /summary_audio.mp3"}
