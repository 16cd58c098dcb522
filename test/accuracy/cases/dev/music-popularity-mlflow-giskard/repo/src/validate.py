# src/validate.py

from data import extract_data
from model import retrieve_model_with_alias
from utils import init_hydra
import giskard
import mlflow


def prepare_dataset(cfg):
    df, version = extract_data(version=cfg.data.test_version, cfg=cfg)
    dataset = giskard.Dataset(df=df, target=cfg.data.target_cols[0], name=cfg.data.dataset_name)
    return dataset, df


def load_model(model_name, model_alias):
    client = mlflow.MlflowClient()
    model = retrieve_model_with_alias(model_name, model_alias=model_alias)
    model_version = client.get_model_version_by_alias(name=model_name, alias=model_alias).version
    return model, model_version


def select_best_model(cfg, giskard_dataset, df):
    best_model = None
    least_issues = float('inf')
    for index, model_name in enumerate(cfg.model.challenger_model_names):
        model_alias = "challenger" + str(index + 1)
        model, model_version = load_model(model_name, model_alias)
        giskard_model = giskard.Model(model=model.predict, model_type="classification", feature_names=df.columns, name=model_name)
        suite = giskard.Suite(name=f"test_suite_{model_name}_{model_version}")
        suite.add_test(giskard.testing.test_f1(model=giskard_model, dataset=giskard_dataset, threshold=cfg.model.f1_threshold))
        results = suite.run()
        if results.passed:
            num_issues = len(results.results) - sum(1 for r in results.results if r.passed)
            if num_issues < least_issues:
                least_issues = num_issues
                best_model = (model_name, model_version)
    return best_model


def tag_and_deploy_best_model(best_model):
    if best_model:
        model_name, model_version = best_model
        client = mlflow.MlflowClient()
        client.transition_model_version_stage(name=model_name, version=model_version, stage="Production")
        print(f"Model {model_name} version {model_version} is tagged as the champion and deployed.")
    else:
        print("No valid model found. Please improve your models and try again.")


def main():
    cfg = init_hydra()
    giskard_dataset, df = prepare_dataset(cfg)
    tag_and_deploy_best_model(select_best_model(cfg, giskard_dataset, df))


if __name__ == "__main__":
    main()
