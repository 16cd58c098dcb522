"""Trains the final model with the tuned parameters and saves it."""
import hydra
import lightgbm
from omegaconf import DictConfig

from optimization import transformed_data
from utils import save_model


@hydra.main(config_path="../config/model", config_name="model")
def final_model(config: DictConfig):
    X_train_transformed, _, y_train, _ = transformed_data()
    lgbm = lightgbm.LGBMClassifier(
        bagging_fraction=config.params.bagging_fraction,
        bagging_freq=config.params.bagging_freq,
        feature_fraction=config.params.feature_fraction,
        lambda_l1=config.params.lambda_l1,
        num_leaves=config.params.num_leaves,
    )
    lgbm.fit(X_train_transformed, y_train)
    save_model(lgbm, "final_model")


if __name__ == "__main__":
    final_model()
