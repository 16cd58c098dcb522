import os

import lightgbm as lgb
import mlflow
import numpy as np
import pandas as pd
from mlflow.tracking import MlflowClient
from sklearn.metrics import average_precision_score
from snowflake.connector import connect


def load_data(days: int = 30) -> pd.DataFrame:
    """Last `days` days of the labelled pool features from Snowflake."""
    conn = connect(
        user=os.getenv("SNOWFLAKE_USER"),
        password=os.getenv("SNOWFLAKE_PASSWORD"),
        account=os.getenv("SNOWFLAKE_ACCOUNT"),
        warehouse=os.getenv("SNOWFLAKE_WAREHOUSE"),
        database=os.getenv("SNOWFLAKE_DATABASE"),
    )
    query = f"""
        SELECT *
        FROM DEX_RAW.RAW.MART_POOL_FEATURES_LABELED
        WHERE hour_ts >= DATEADD(day, -{days}, CURRENT_TIMESTAMP())
    """
    df = pd.read_sql(query, conn)
    df.columns = df.columns.str.lower()
    conn.close()
    return df


def train() -> None:
    """Train the LightGBM model and register it."""
    df = load_data(30)
    y = df["y"]
    X = df.drop(columns=["dex", "pool_id", "hour_ts", "y"])

    model = lgb.LGBMClassifier(num_leaves=63, learning_rate=0.05)

    with mlflow.start_run() as run:
        model.fit(X, y)
        y_scores = model.predict_proba(X)[:, 1]

        pr_auc = average_precision_score(y, y_scores)
        top_idx = np.argsort(y_scores)[-10:]
        precision_at_10 = y.iloc[top_idx].mean()
        recall_at_10 = y.iloc[top_idx].sum() / y.sum()

        mlflow.log_metric("pr_auc", pr_auc)
        mlflow.log_metric("precision_at_10", precision_at_10)
        mlflow.log_metric("recall_at_10", recall_at_10)

        model.booster_.save_model("model.txt")
        mlflow.log_artifact("model.txt")

        client = MlflowClient()
        client.create_registered_model("volume_spike_lgbm")
        mv = client.create_model_version(
            name="volume_spike_lgbm",
            source=f"runs:/{run.info.run_id}/model.txt",
            run_id=run.info.run_id,
        )
        client.transition_model_version_stage(
            name=mv.name,
            version=mv.version,
            stage="Production",
            archive_existing_versions=True,
        )


if __name__ == "__main__":
    train()
