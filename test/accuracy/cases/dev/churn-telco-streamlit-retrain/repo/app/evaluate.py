from __future__ import annotations

from sklearn.metrics import accuracy_score, average_precision_score, recall_score, roc_auc_score


def evaluate_model(model, X, y, threshold: float = 0.5) -> dict:
    proba = model.predict_proba(X)[:, 1]
    pred = (proba >= threshold).astype(int)
    return {
        "roc_auc": float(roc_auc_score(y, proba)),
        "pr_auc": float(average_precision_score(y, proba)),
        "accuracy": float(accuracy_score(y, pred)),
        "recall": float(recall_score(y, pred, zero_division=0)),
    }


def evaluate_all(models: dict, X, y, threshold: float = 0.5) -> dict:
    """Every model's metrics, best ROC-AUC first."""
    results = {name: evaluate_model(model, X, y, threshold) for name, model in models.items()}
    return dict(sorted(results.items(), key=lambda kv: kv[1]["roc_auc"], reverse=True))
