# Small demo fine-tuning (100 train + 50 validation examples) to exercise the pipeline.
import json
import os
import warnings

import torch
from datasets import load_dataset
from torch.optim import AdamW
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer

warnings.filterwarnings("ignore")

MODEL_ID = "cardiffnlp/twitter-roberta-base-sentiment-latest"
MODEL_DIR = os.getenv("MODEL_PATH", "src/models/model_v1")


def train_model():
    print("Step 1: Loading TweetEval dataset...")
    dataset = load_dataset("tweet_eval", "sentiment")
    train_data = dataset["train"].select(range(100))
    val_data = dataset["validation"].select(range(50))

    print("Step 2: Loading tokenizer and model...")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModelForSequenceClassification.from_pretrained(MODEL_ID, ignore_mismatched_sizes=True)

    def tokenize(batch):
        return tokenizer(batch["text"], truncation=True, padding="max_length", max_length=32)

    train_data = train_data.map(tokenize, batched=True)
    val_data = val_data.map(tokenize, batched=True)
    train_data.set_format(type="torch", columns=["input_ids", "attention_mask", "label"])
    val_data.set_format(type="torch", columns=["input_ids", "attention_mask", "label"])

    train_loader = DataLoader(train_data, batch_size=4, shuffle=True)
    val_loader = DataLoader(val_data, batch_size=4)

    optimizer = AdamW(model.parameters(), lr=5e-5)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model.to(device)

    print("Step 4: Fine-tuning model (1 epoch for demo)...")
    model.train()
    for batch in train_loader:
        optimizer.zero_grad()
        outputs = model(batch["input_ids"].to(device), attention_mask=batch["attention_mask"].to(device), labels=batch["label"].to(device))
        outputs.loss.backward()
        optimizer.step()

    os.makedirs(MODEL_DIR, exist_ok=True)
    model.save_pretrained(MODEL_DIR)
    tokenizer.save_pretrained(MODEL_DIR)
    with open(os.path.join(MODEL_DIR, "metadata.json"), "w") as f:
        json.dump({"status": "trained", "version": "v1"}, f)
    print(f"Step 5: Model saved to {MODEL_DIR}")
    return {"status": "ok"}


if __name__ == "__main__":
    train_model()
