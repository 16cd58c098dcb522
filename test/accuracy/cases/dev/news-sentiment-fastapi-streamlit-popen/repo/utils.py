import requests
from nltk.sentiment import SentimentIntensityAnalyzer
from collections import Counter
import nltk
from transformers import pipeline
from gtts import gTTS

nltk.download("vader_lexicon")
nltk.download("stopwords")

sia = SentimentIntensityAnalyzer()
summarizer = pipeline("summarization", model="facebook/bart-large-cnn")


def fetch_news(company):
    """Return news articles for a company."""
    url = f"https://newsapi.org/v2/everything?q={company}&language=en&pageSize=10&apiKey=YOUR_API_KEY"
    response = requests.get(url)
    if response.status_code != 200:
        return {"error": "Failed to fetch news"}
    return response.json().get("articles", [])


def analyze_sentiment(text):
    if not text:
        return "Neutral"
    score = sia.polarity_scores(text)["compound"]
    return "Positive" if score > 0.05 else "Negative" if score < -0.05 else "Neutral"


def analyze_topic_overlap(news_articles):
    stop_words = set(nltk.corpus.stopwords.words("english"))
    all_words = []
    article_topics = {}
    for idx, article in enumerate(news_articles):
        words = set(article["summary"].lower().split()) - stop_words
        all_words.extend(words)
        article_topics[f"Article {idx + 1}"] = words
    shared = {w for w, c in Counter(all_words).items() if c > 1}
    return shared, {k: v - shared for k, v in article_topics.items()}


def summarize_text(text):
    return summarizer(text, max_length=150, min_length=50, do_sample=False)[0]["summary_text"]


def text_to_speech_hindi(text):
    tts = gTTS(text=text, lang="hi")
    audio_path = "summary_audio.mp3"
    tts.save(audio_path)
    return audio_path
