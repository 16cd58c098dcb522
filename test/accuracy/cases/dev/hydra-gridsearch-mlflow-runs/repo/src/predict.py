import warnings

import hydra
import mlflow
import numpy as np
import pandas as pd
from hydra import utils
from sklearn import metrics
from sklearn.metrics import confusion_matrix


@hydra.main(config_path='../configs', config_name='parameters')
def main(config):
    warnings.filterwarnings("ignore")
    np.random.seed(40)

    X_test = pd.read_csv(utils.get_original_cwd() + '/' + config.processed_data.features.test)
    y_test = pd.read_csv(utils.get_original_cwd() + '/' + config.processed_data.target.test)

    mlflow.set_tracking_uri('file://' + utils.get_original_cwd() + '/mlruns')
    experiment_id = mlflow.get_experiment_by_name(config.mlflow.experiment_name).experiment_id

    req = 'tags.mlflow.runName = ' + '\'best-' + config['model']['model'] + '\''
    res = mlflow.search_runs([experiment_id], filter_string=req)

    mod_name, run_id = res.iloc[0]['tags.mlflow.runName'], res.iloc[0]['run_id']
    model = mlflow.sklearn.load_model(utils.to_absolute_path(f"mlruns/{experiment_id}/{run_id}/artifacts/{mod_name}"))

    labels_pred = model.predict(X_test)
    print(confusion_matrix(y_test, labels_pred))
    print('f1_score: ', metrics.f1_score(y_test, labels_pred, average='weighted'))


if __name__ == '__main__':
    main()
