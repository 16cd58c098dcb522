from typing import Dict, List, Tuple

import numpy
from mlflow import MlflowClient


def _get_registered_models(model_name: str) -> Dict:
    client = MlflowClient()
    registered_models = dict()
    for mv in client.search_model_versions(f"name='{model_name}'"):
        registered_models[dict(mv)["version"]] = dict(mv)

    if len(registered_models) == 0:
        raise NameError("no model registered with that name yet")

    return registered_models


def _get_metric_list(model_dictionnary: Dict, metric: str) -> List[float]:
    client = MlflowClient()
    metrics_list = list()
    for key in model_dictionnary.keys():
        metrics_list.append(
            client.get_run(model_dictionnary[key]["run_id"]).data.to_dictionary()[
                "metrics"
            ][metric]
        )
    return metrics_list


def _get_best_models_in_mlflow(
    model_name: str, metric_to_check: str
) -> List[Tuple[str, float]]:
    client = MlflowClient()

    registered_models = _get_registered_models(model_name=model_name)

    version_metrics = dict()
    for key in registered_models.keys():
        version_metrics[key] = client.get_run(
            registered_models[key]["run_id"]
        ).data.to_dictionary()["metrics"][metric_to_check]

    best_model = sorted(version_metrics, key=version_metrics.get)[-1]
    second_best_model = sorted(version_metrics, key=version_metrics.get)[-2]
    best_model_value = sorted(version_metrics.values())[-1]
    second_best_model_value = sorted(version_metrics.values())[-2]

    return [
        (best_model, best_model_value),
        (second_best_model, second_best_model_value),
    ]


def _get_second_best_model_metric(model_name: str, metric_to_check: str) -> float:
    return _get_best_models_in_mlflow(
        model_name=model_name, metric_to_check=metric_to_check
    )[1][1]


def registering_model_decision(
    model_name: str, model_accuracy: float, model_f1_score: float
) -> bool:
    registering_decision = False
    f1_score_mean = numpy.mean(
        _get_metric_list(
            model_dictionnary=_get_registered_models(model_name=model_name),
            metric="f1 score",
        )
    )
    if (
        model_accuracy
        > _get_second_best_model_metric(
            model_name=model_name, metric_to_check="accuracy"
        )
        and model_f1_score >= f1_score_mean
    ):
        registering_decision = True
    return registering_decision


def promote_models(model_name: str, metric_to_check: str) -> None:
    best_models = _get_best_models_in_mlflow(
        model_name=model_name, metric_to_check=metric_to_check
    )
    best_models_list = [best_models[0][0], best_models[1][0]]
    client = MlflowClient()
    client.transition_model_version_stage(
        name=model_name,
        version=best_models_list[0],
        stage="Production",
    )
    client.transition_model_version_stage(
        name=model_name,
        version=best_models_list[1],
        stage="Staging",
    )

    registered_models = dict()
    for mv in client.search_model_versions(f"name='{model_name}'"):
        registered_models[dict(mv)["version"]] = dict(mv)

    for model_version in list(
        set(list(registered_models.keys())) - set(best_models_list)
    ):
        client.transition_model_version_stage(
            name=model_name,
            version=model_version,
            stage="Archived",
        )
