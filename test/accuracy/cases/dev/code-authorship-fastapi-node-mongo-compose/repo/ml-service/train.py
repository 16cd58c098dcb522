from __future__ import annotations

import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from app.features import compute_features, feature_vector
from pipeline.data_generator import build_dataset

FEATURE_NAMES = ['comment_ratio', 'repetition_score', 'average_line_length']


def featurize_dataframe(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    vectors = [feature_vector(compute_features(str(row['text']))) for _, row in df.iterrows()]
    return np.array(vectors, dtype=float), df['label'].astype(int).to_numpy()


def get_pipeline(model_name: str) -> tuple[Pipeline, dict[str, list[object]]]:
    if model_name == 'rf':
        pipeline = Pipeline([
            ('scaler', StandardScaler()),
            ('model', RandomForestClassifier(random_state=42, max_depth=8, min_samples_leaf=5)),
        ])
        return pipeline, {'model__n_estimators': [120, 200], 'model__max_depth': [6, 8]}

    pipeline = Pipeline([
        ('scaler', StandardScaler()),
        ('model', LogisticRegression(max_iter=2000, random_state=42, C=1.0, class_weight='balanced')),
    ])
    return pipeline, {'model__C': [0.5, 1.0, 2.0], 'model__solver': ['lbfgs']}


def train_and_save(dataset_path: Path, output_dir: Path, model_name: str, max_samples: int | None = None) -> dict[str, float | str]:
    if dataset_path.exists():
        dataset = pd.read_csv(dataset_path)
    else:
        dataset = build_dataset(samples_per_class=200, seed=42)
        dataset_path.parent.mkdir(parents=True, exist_ok=True)
        dataset.to_csv(dataset_path, index=False)

    if max_samples is not None and max_samples > 0:
        dataset = dataset.head(max_samples)

    X, y = featurize_dataframe(dataset)
    if len(np.unique(y)) < 2:
        raise ValueError('Training dataset must contain at least two classes (AI and Human).')

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)

    pipeline, param_grid = get_pipeline(model_name=model_name)
    search = GridSearchCV(pipeline, param_grid=param_grid, scoring='f1', cv=3, n_jobs=-1)
    search.fit(X_train, y_train)
    best_model = search.best_estimator_
    best_params = search.best_params_

    y_pred = best_model.predict(X_test)
    metrics = {
        'accuracy': float(accuracy_score(y_test, y_pred)),
        'precision': float(precision_score(y_test, y_pred, zero_division=0)),
        'recall': float(recall_score(y_test, y_pred, zero_division=0)),
        'f1_score': float(f1_score(y_test, y_pred, zero_division=0)),
    }

    if len(set(y_pred)) == 1:
        print(
            'WARNING: Model predicts only one class! This indicates severe overfitting.'
            ' Increase training dataset size or adjust regularization.'
        )

    output_dir.mkdir(parents=True, exist_ok=True)
    model_path = output_dir / 'model.joblib'
    metadata_path = output_dir / 'model_metadata.json'

    bundle = {
        'model': best_model,
        'feature_names': FEATURE_NAMES,
        'training_means': X_train.mean(axis=0).tolist(),
        'training_stds': X_train.std(axis=0).tolist(),
    }
    joblib.dump(bundle, model_path)

    metadata = {
        'model_version': f'ape-{model_name}-v2.0.0',
        'feature_names': FEATURE_NAMES,
        'best_params': best_params,
        'metrics': metrics,
    }
    metadata_path.write_text(json.dumps(metadata, indent=2), encoding='utf-8')
    return {**metrics, 'model_path': str(model_path), 'model_version': str(metadata['model_version'])}


def main() -> None:
    parser = argparse.ArgumentParser(description='Train AI Project Evaluator classification model.')
    parser.add_argument('--dataset', type=str, default='data/dataset.csv')
    parser.add_argument('--output-dir', type=str, default='artifacts')
    parser.add_argument('--model', type=str, choices=['logreg', 'rf'], default='logreg')
    parser.add_argument('--max-samples', type=int, default=0)
    parser.add_argument('--experiment-name', type=str, default='ai-project-evaluator-training')
    parser.add_argument('--tracking-uri', type=str, default='file:./mlruns')
    args = parser.parse_args()

    dataset_path = Path(args.dataset)
    output_dir = Path(args.output_dir)
    max_samples = args.max_samples if args.max_samples > 0 else None

    mlflow.set_tracking_uri(args.tracking_uri)
    mlflow.set_experiment(args.experiment_name)

    with mlflow.start_run(run_name=f'train-{args.model}'):
        mlflow.log_param('model_name', args.model)
        mlflow.log_param('dataset_path', str(dataset_path))
        mlflow.log_param('max_samples', max_samples or 'all')

        result = train_and_save(dataset_path=dataset_path, output_dir=output_dir, model_name=args.model, max_samples=max_samples)

        mlflow.log_metrics({k: float(result[k]) for k in ('accuracy', 'precision', 'recall', 'f1_score')})
        mlflow.log_artifact(str(result['model_path']))
        mlflow.log_artifact(str(output_dir / 'model_metadata.json'))
        print('Training complete')
        print(json.dumps(result, indent=2))


if __name__ == '__main__':
    main()
