import os
import uuid

import joblib
import wandb
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

PROJECT = os.environ.get("WANDB_PROJECT", "MLOPS-CAPSTONE")
ENTITY = os.environ.get("WANDB_ENTITY", "capstone-team")


def main():
    run = wandb.init(project=PROJECT, entity=ENTITY, job_type="train")
    data = load_breast_cancer()
    X, y = data.data, data.target
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    model = Pipeline([
        ("scaler", StandardScaler()),
        ("rf", RandomForestClassifier(n_estimators=100, random_state=42)),
    ])
    model.fit(X_train, y_train)
    acc = accuracy_score(y_test, model.predict(X_test))
    print("Accuracy:", acc)

    model_path = f"./artifacts/model_{uuid.uuid4().hex}.joblib"
    os.makedirs("artifacts", exist_ok=True)
    joblib.dump(model, model_path)

    artifact = wandb.Artifact("model", type="model", metadata={"accuracy": acc})
    artifact.add_file(model_path)
    run.log_artifact(artifact, aliases=["latest"])
    run.finish()


if __name__ == "__main__":
    main()
