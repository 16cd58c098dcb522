"""DVC stage `train`: tune, fit and calibrate the two-stage XGBoost cascade."""

from __future__ import annotations

import argparse
import json
import logging
from typing import Any

import mlflow
import optuna
import pandas as pd
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedKFold
from xgboost import XGBClassifier

from milk_adulteration.config import load_params, resolve, tracking_uri
from milk_adulteration.models.cascade import Cascade

log = logging.getLogger(__name__)


def suggest_params(trial: optuna.Trial) -> dict[str, Any]:
    return {
        "n_estimators": trial.suggest_int("n_estimators", 100, 600, step=50),
        "max_depth": trial.suggest_int("max_depth", 2, 6),
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
    }


def fit_stage1(train: pd.DataFrame, params: dict[str, Any], seed: int) -> XGBClassifier:
    y = train["is_adulterated"].to_numpy()
    model = XGBClassifier(**params, eval_metric="aucpr", random_state=seed, n_jobs=4)
    return model.fit(train.drop(columns=["is_adulterated"]), y)


def oof_scores(train: pd.DataFrame, params: dict[str, Any], k: int, seed: int):
    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    ys, scores = [], []
    for tr, va in skf.split(train, train["is_adulterated"]):
        model = fit_stage1(train.iloc[tr], params, seed)
        part = train.iloc[va]
        ys.extend(part["is_adulterated"])
        scores.extend(model.predict_proba(part.drop(columns=["is_adulterated"]))[:, 1])
    return ys, scores


def tune(train: pd.DataFrame, n_trials: int, k: int, seed: int) -> optuna.Study:
    def objective(trial: optuna.Trial) -> float:
        params = suggest_params(trial)
        score = float(average_precision_score(*oof_scores(train, params, k, seed)))
        with mlflow.start_run(run_name=f"trial-{trial.number}", nested=True):
            mlflow.log_params(params)
            mlflow.log_metric("cv_score", score)
        return score

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=n_trials)
    return study


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    params = load_params()
    p = params["train"]
    seed = p["seed"]
    split_dir = resolve(params["split"]["output_dir"])
    train = pd.read_csv(split_dir / "train.csv")
    val = pd.read_csv(split_dir / "val.csv")

    mlflow.set_tracking_uri(tracking_uri(p))
    mlflow.set_experiment(p["mlflow"]["experiment"])
    with mlflow.start_run(run_name="train") as run:
        study = tune(train, p["n_trials_stage1"], p["cv_folds"], seed)
        y_oof, s_oof = oof_scores(train, study.best_params, p["cv_folds"], seed)
        calibrator = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(s_oof, y_oof)
        stage1 = fit_stage1(train, study.best_params, seed)
        model = Cascade(
            stage1=stage1,
            calibrator=calibrator,
            threshold=0.5,
            reject_risk=p["reject_risk"],
            metadata={"mlflow_run_id": run.info.run_id, "params": study.best_params},
        )
        val_scores = stage1.predict_proba(val.drop(columns=["is_adulterated"]))[:, 1]
        model.threshold = float(pd.Series(val_scores)[val["is_adulterated"] == 1].quantile(0.05))
        mlflow.log_params(study.best_params)
        mlflow.log_param("threshold", model.threshold)
        mlflow.log_metric("stage1_cv_pr_auc", study.best_value)
        model_path = resolve(p["model"])
        model.save(model_path)
        mlflow.log_artifact(str(model_path), artifact_path="model")

    resolve(p["cv_report"]).write_text(json.dumps({"cv_pr_auc": study.best_value}, indent=2) + "\n")
    log.info("Saved %s (threshold %.4f)", model_path, model.threshold)


if __name__ == "__main__":
    main()
