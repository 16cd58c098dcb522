from typing import List, Optional

import numpy as np
import typer
from datasets import load_from_disk
from hydra import compose, initialize
from omegaconf import DictConfig
from sklearn.metrics import accuracy_score, f1_score
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments

from mlops_hatespeech.logger import logger
from mlops_hatespeech.model import MODEL_STR

app = typer.Typer()


def get_config(overrides: Optional[List[str]]) -> DictConfig:
    with initialize(config_path="../..", job_name="train_app", version_base="1.1"):
        return compose(config_name="config", overrides=overrides or [])


def train_model(cfg: DictConfig) -> Trainer:
    logger.info(f"Loading dataset from: {cfg.data_path}")
    ds = load_from_disk(cfg.data_path)

    idx2lbl = {0: "non-hate", 1: "hate"}
    lbl2idx = {v: k for k, v in idx2lbl.items()}

    tokenizer = AutoTokenizer.from_pretrained(MODEL_STR)

    def tokenize_seqs(examples):
        return tokenizer(examples["tweet"], truncation=True, max_length=512)

    ds = ds.map(tokenize_seqs, batched=True)
    ds = ds.rename_column("label", "labels")

    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_STR, num_labels=len(lbl2idx), id2label=idx2lbl, label2id=lbl2idx
    )

    def compute_metrics(eval_preds):
        pred_labels = np.argmax(eval_preds.predictions, axis=-1)
        labels = eval_preds.label_ids
        return {
            "f1": f1_score(y_true=labels, y_pred=pred_labels, average="weighted"),
            "accuracy": accuracy_score(y_true=labels, y_pred=pred_labels),
        }

    training_args = TrainingArguments(
        output_dir="./logs/run1",
        per_device_train_batch_size=cfg.hyperparameters.per_device_train_batch_size,
        learning_rate=cfg.hyperparameters.lr,
        num_train_epochs=cfg.hyperparameters.epochs,
        eval_strategy=cfg.hyperparameters.eval_strategy,
        save_total_limit=cfg.hyperparameters.save_total_limit,
        seed=cfg.hyperparameters.seed,
        data_seed=cfg.hyperparameters.seed,
        load_best_model_at_end=cfg.hyperparameters.load_best_model_at_end,
        report_to=cfg.hyperparameters.report_to,
    )

    trainer = Trainer(
        model=model,
        args=training_args,
        compute_metrics=compute_metrics,
        train_dataset=ds["train"],
        eval_dataset=ds["validation"],
        tokenizer=tokenizer,
    )
    trainer.train()
    return trainer


@app.command()
def train(lr: Optional[float] = None, epochs: Optional[int] = None, seed: Optional[int] = None) -> None:
    overrides = []
    if lr is not None:
        overrides.append(f"hyperparameters.lr={lr}")
    if epochs is not None:
        overrides.append(f"hyperparameters.epochs={epochs}")
    if seed is not None:
        overrides.append(f"hyperparameters.seed={seed}")
    cfg = get_config(overrides)
    train_model(cfg)
    logger.info("Training is done.")


if __name__ == "__main__":
    app()
