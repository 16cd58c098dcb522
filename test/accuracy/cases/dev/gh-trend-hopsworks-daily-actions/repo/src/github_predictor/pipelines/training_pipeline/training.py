"""
A training pipeline: connect to Hopsworks, read the feature view, train an XGBoost model,
evaluate it and upload it to the Hopsworks Model Registry.
"""

import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.metrics import accuracy_score, confusion_matrix, classification_report
from sklearn.preprocessing import OneHotEncoder
import matplotlib.pyplot as plt
import seaborn as sns

from github_predictor.pipelines.hopsworks_client import HopsworksClient
from github_predictor.utils.config import (
    load_env_vars,
    PROJECT_ROOT,
)


def run_train():
    """Main function to run the training pipeline."""

    load_env_vars()

    hops_client = HopsworksClient()
    hops_client.connect()

    feature_view = hops_client.get_or_create_feature_view()

    if feature_view is None:
        print("ERROR: Feature view could not be created or retrieved.")
        print("Make sure you have run the feature pipeline first:")
        print("  uv run daily-features  (for daily data)")
        return

    X, y = feature_view.training_data(description="GitHub Trending Training Data")

    X = X.drop(["repo_name", "collection_date", "hn_buzz_score", "created_at"], axis=1)

    ohe = OneHotEncoder(handle_unknown='ignore', sparse_output=False)
    language_encoded = ohe.fit_transform(X[['language']])
    language_df = pd.DataFrame(language_encoded, columns=ohe.get_feature_names_out(['language']), index=X.index)
    X = pd.concat([X.drop('language', axis=1), language_df], axis=1)

    param_grid = {
        'n_estimators': [100, 200],
        'max_depth': [3, 5],
        'learning_rate': [0.1, 0.01]
    }

    grid_search = GridSearchCV(
        estimator=xgb.XGBClassifier(objective="binary:logistic", eval_metric="logloss", enable_categorical=False),
        param_grid=param_grid,
        cv=3,
        scoring='accuracy',
        n_jobs=-1,
        verbose=1
    )

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=42, stratify=y
    )

    grid_search.fit(X_train, y_train)

    model = grid_search.best_estimator_
    print(f"\nBest parameters found: {grid_search.best_params_}")
    print(f"Best cross-validation accuracy: {grid_search.best_score_:.4f}")

    y_pred = model.predict(X_test)
    accuracy = accuracy_score(y_test, y_pred)
    print(f"Accuracy: {accuracy:.4f}")

    cm = confusion_matrix(y_test, y_pred)
    fig, ax = plt.subplots(figsize=(8, 6))
    sns.heatmap(cm, annot=True, fmt="d", cmap="Blues", ax=ax)

    metrics_dir = PROJECT_ROOT / "metrics"
    metrics_dir.mkdir(exist_ok=True)
    plt.savefig(metrics_dir / "confusion_matrix.png")

    print("\nClassification Report:")
    print(classification_report(y_test, y_pred))

    hops_client.register_model(
        model,
        ohe,
        "github_trending_predictor",
        "Predicts if a GitHub repository will trend.",
        {"accuracy": accuracy},
        X_train,
        y_train,
    )

    print("Model successfully registered in Hopsworks.")


if __name__ == "__main__":
    run_train()
