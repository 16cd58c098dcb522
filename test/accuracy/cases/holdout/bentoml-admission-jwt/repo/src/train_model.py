"""Trains regression models for admission prediction, evaluates them and saves the best to BentoML."""
import logging
import sys
from pathlib import Path

import bentoml
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import StandardScaler

sys.path.append(str(Path(__file__).parent.parent / "config"))
from settings import *  # noqa: F403

logging.basicConfig(level=logging.INFO)
log = logging.getLogger(__name__)


def load_processed_data(data_dir=None):
    data_dir = Path(data_dir) if data_dir else PROCESSED_DATA_DIR
    try:
        X_train = pd.read_csv(data_dir / 'X_train.csv')
        X_test = pd.read_csv(data_dir / 'X_test.csv')
        y_train = pd.read_csv(data_dir / 'y_train.csv').squeeze()
        y_test = pd.read_csv(data_dir / 'y_test.csv').squeeze()
        return X_train, X_test, y_train, y_test
    except Exception as e:
        log.error(f"Error loading processed data: {e}")
        return None, None, None, None


def preprocess_features(X_train, X_test):
    scaler = StandardScaler()
    X_train_scaled = pd.DataFrame(scaler.fit_transform(X_train), columns=X_train.columns)
    X_test_scaled = pd.DataFrame(scaler.transform(X_test), columns=X_test.columns)
    return X_train_scaled, X_test_scaled, scaler


def create_models():
    return {
        'Linear Regression': LinearRegression(),
        'Random Forest': RandomForestRegressor(n_estimators=100, random_state=MODEL_RANDOM_STATE, max_depth=10),
        'Gradient Boosting': GradientBoostingRegressor(n_estimators=100, random_state=MODEL_RANDOM_STATE, max_depth=6),
    }


def evaluate_models_cv(models, X_train, y_train, cv_folds=CV_FOLDS):
    cv_results = {}
    for name, model in models.items():
        cv_scores = cross_val_score(model, X_train, y_train, cv=cv_folds, scoring='r2')
        cv_results[name] = cv_scores.mean()
        log.info(f"{name} - Mean R2: {cv_scores.mean():.4f}")
    best_model_name = max(cv_results, key=cv_results.get)
    return cv_results, best_model_name


def save_model_to_bentoml(model, scaler, model_name, test_metrics):
    try:
        metadata = {"model_type": model_name, "test_r2": test_metrics['r2'], "test_rmse": test_metrics['rmse']}
        return bentoml.sklearn.save_model(
            f"{BENTOML_MODEL_NAME}_{model_name.lower().replace(' ', '_')}",
            model,
            metadata=metadata,
            custom_objects={"scaler": scaler},
        )
    except Exception as e:
        log.error(f"Error saving model to BentoML: {e}")
        return None


def main():
    X_train, X_test, y_train, y_test = load_processed_data()
    if X_train is None:
        log.fatal("Failed to load processed data. Exiting pipeline.")
        return
    X_train_scaled, X_test_scaled, scaler = preprocess_features(X_train, X_test)
    models = create_models()
    cv_results, best_model_name = evaluate_models_cv(models, X_train_scaled, y_train)
    best_model = models[best_model_name]
    best_model.fit(X_train_scaled, y_train)
    y_pred = best_model.predict(X_test_scaled)
    test_metrics = {'r2': r2_score(y_test, y_pred), 'rmse': float(np.sqrt(mean_squared_error(y_test, y_pred)))}
    if test_metrics['r2'] >= PERFORMANCE_THRESHOLD:
        model_tag = save_model_to_bentoml(best_model, scaler, best_model_name, test_metrics)
        if not model_tag:
            log.error("Failed to save model to BentoML")
    else:
        log.warning(f"Model performance not satisfactory (R2 = {test_metrics['r2']:.4f})")


if __name__ == "__main__":
    main()
