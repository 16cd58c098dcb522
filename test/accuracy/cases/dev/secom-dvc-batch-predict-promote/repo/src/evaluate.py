import os
import sys

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from sklearn.metrics import classification_report, confusion_matrix


def evaluate(
    data_path="data/features/engineered_data.csv",
    preds_path="data/predictions/preds.csv",
    report_path="reports/classification_report.txt",
    cm_path="reports/confusion_matrix.png",
):
    for path, name in [(data_path, "data"), (preds_path, "predictions")]:
        if not os.path.exists(path):
            print(f"{name} file '{path}' not found.")
            sys.exit(1)

    df = pd.read_csv(data_path)
    y_true = df["Y"]
    y_pred = pd.read_csv(preds_path)["prediction"]

    all_labels = sorted(list(set(y_true) | set(y_pred)))
    os.makedirs(os.path.dirname(report_path), exist_ok=True)

    report = classification_report(y_true, y_pred, labels=all_labels, digits=4, zero_division=0)
    with open(report_path, "w", encoding="utf-8") as f:
        f.write(report)
    print(report)

    cm = confusion_matrix(y_true, y_pred, labels=all_labels)
    plt.figure(figsize=(6, 5))
    sns.heatmap(cm, annot=True, fmt="d", xticklabels=all_labels, yticklabels=all_labels)
    os.makedirs(os.path.dirname(cm_path), exist_ok=True)
    plt.savefig(cm_path)
    plt.close()


if __name__ == "__main__":
    evaluate()
