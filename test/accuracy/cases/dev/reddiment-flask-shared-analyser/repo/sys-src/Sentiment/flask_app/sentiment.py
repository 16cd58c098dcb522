from typing import Optional

import nltk

nltk.download("vader_lexicon")
from nltk.sentiment.vader import SentimentIntensityAnalyzer
from textblob import TextBlob


class Sentiment:
    """Extracts the sentiment of a text."""

    def __init__(self, mode="all"):
        if mode not in ["nltk", "blob", "all"]:
            raise ValueError("mode must be either 'nltk', 'blob' or 'all'")
        self.mode = mode
        self.text = ""
        self.current_sentiments = []
        self.sia = SentimentIntensityAnalyzer()

    def analyse(self, text: str) -> Optional[str]:
        self.text = text
        sentiment = -2.0
        if self.mode == "nltk":
            sentiment = self.nltk_sentiment_score()
        elif self.mode == "blob":
            sentiment = self.text_blob_sentiment_score()
        elif self.mode == "all":
            sentiment = self.analyse_with_validation()
        return str(sentiment)

    def analyse_with_validation(self) -> float:
        self.current_sentiments = []
        self.current_sentiments.append(self.nltk_sentiment_score())
        self.current_sentiments.append(self.text_blob_sentiment_score())
        valid = self.validate_sentiments()
        if valid:
            return self.current_sentiments[1]
        else: 0.0

    def text_blob_sentiment_score(self) -> float:
        return TextBlob(self.text).sentiment.polarity

    def nltk_sentiment_score(self) -> Optional[float]:
        vs = self.sia.polarity_scores(self.text)
        return vs.get("compound")

    def validate_sentiments(self) -> bool:
        self.log_results()
        if not any(self.current_sentiments) or len(self.current_sentiments) != 2:
            return False
        return True

    def log_results(self):
        with open("sentiment.log", "a") as f:
            f.write(str(self.current_sentiments))
            f.write(self.text)
            f.write("\n\n")


if __name__ == "__main__":
    Sent = Sentiment(mode="all")
    print(Sent.analyse("I am very happy"))
