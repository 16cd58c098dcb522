import pandas as pd
from sklearn.metrics import accuracy_score, classification_report, f1_score
from transformers import pipeline

from advance_rule_based_sentiment import AdvancedRuleBasedSentimentAnalyzer

try:
    df = pd.read_csv("../data/IMDB_Dataset.csv")
except FileNotFoundError:
    print("Error: IMDB_Dataset.csv not found. Make sure it's in a 'data' folder.")
    exit()

df_test = df.sample(n=200, random_state=42)
test_texts = df_test["review"].tolist()
label_map = {"negative": 0, "positive": 1}
true_labels_int = [label_map[label] for label in df_test["sentiment"].tolist()]

print("Running evaluation for Rule-Based Model...")
rule_analyzer = AdvancedRuleBasedSentimentAnalyzer()
y_pred_rule_based = []
for text in test_texts:
    sentences, results = rule_analyzer.analyze_paragraph(text)
    pred_label_str = rule_analyzer.aggregate_sentiments(sentences, results)
    y_pred_rule_based.append(0 if pred_label_str == "neutral" else label_map[pred_label_str])

print("Running evaluation for Deep Learning Model...")
try:
    dl_pipeline = pipeline("sentiment-analysis", model="../sentiment_model", tokenizer="../sentiment_model")
except Exception as e:
    print("Error: Deep learning model not found or failed to load.")
    print(f"Details: {e}")
    exit()

MAX_LEN = 512
safe_test_texts = [text[:MAX_LEN] for text in test_texts]
dl_results = dl_pipeline(safe_test_texts)
y_pred_dl = [1 if result["label"] == "LABEL_1" else 0 for result in dl_results]

print("\n--- Rule-Based Model Metrics ---")
print("Accuracy:", accuracy_score(true_labels_int, y_pred_rule_based))
print("F1-score:", f1_score(true_labels_int, y_pred_rule_based, average="weighted"))
print("Report:\n", classification_report(true_labels_int, y_pred_rule_based))

print("\n--- Deep Learning Model Metrics ---")
print("Accuracy:", accuracy_score(true_labels_int, y_pred_dl))
print("F1-score:", f1_score(true_labels_int, y_pred_dl, average="weighted"))
print("Report:\n", classification_report(true_labels_int, y_pred_dl))
