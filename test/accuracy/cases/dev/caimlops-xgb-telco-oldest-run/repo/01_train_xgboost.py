# Cloudera MLOps workshop, lab 1: train an XGBoost classifier and track it in MLflow.
import os, warnings, sys, logging
import mlflow
import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, recall_score
import mlflow.sklearn
from xgboost import XGBClassifier
from datetime import date
import cml.data_v1 as cmldata
import pyspark.pandas as ps


USERNAME = os.environ["PROJECT_OWNER"]
DATALAKE_DIRECTORY = "hdfs://cdpnameservice"
DBNAME = "TELCO_MLOPS_" + USERNAME

DATE = date.today()
EXPERIMENT_NAME = "xgb-telco-{0}".format(USERNAME)

mlflow.set_experiment(EXPERIMENT_NAME)

spark = (SparkSession.builder.appName("MyApp")\
  .config("spark.sql.catalog.spark_catalog.type", "hive")\
  .config("spark.yarn.access.hadoopFileSystems", DATALAKE_DIRECTORY)\
  .getOrCreate()
  )

df_from_sql = ps.read_table("{0}.TELCO_CELL_TOWERS_{1}".format(DBNAME, USERNAME))
df_from_sql = df_from_sql[["iot_signal_1", "iot_signal_2", "iot_signal_3", "iot_signal_4", "cell_tower_failure"]]
df = df_from_sql.to_pandas()

test_size = 0.3
X_train, X_test, y_train, y_test = train_test_split(df.drop("cell_tower_failure", axis=1), df["cell_tower_failure"], test_size=test_size)

with mlflow.start_run():

    model = XGBClassifier(use_label_encoder=False, eval_metric="logloss")

    # Step 2: change max_depth here and log it below with mlflow.log_param("max_depth", 4)

    model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=False)
    y_pred = model.predict(X_test)

    accuracy = accuracy_score(y_test, y_pred)

    print("Accuracy: %.2f%%" % (accuracy * 100.0))
    print("Test Size: %.2f%%" % (test_size * 100.0))

    mlflow.log_param("accuracy", accuracy)
    mlflow.log_param("test_size", test_size)

    mlflow.xgboost.log_model(model, artifact_path="artifacts")#, registered_model_name="my_xgboost_model"

def getLatestExperimentInfo(experimentName):
    """
    Method to capture the latest Experiment Id and Run ID for the provided experimentName
    """
    experimentId = mlflow.get_experiment_by_name(experimentName).experiment_id
    runsDf = mlflow.search_runs(experimentId, run_view_type=1)
    experimentId = runsDf.iloc[-1]['experiment_id']
    experimentRunId = runsDf.iloc[-1]['run_id']

    return experimentId, experimentRunId

experimentId, experimentRunId = getLatestExperimentInfo(EXPERIMENT_NAME)

#Replace Experiment Run ID here:
run = mlflow.get_run(experimentRunId)

pd.DataFrame(data=[run.data.params], index=["Value"]).T
pd.DataFrame(data=[run.data.metrics], index=["Value"]).T

client = mlflow.tracking.MlflowClient()
client.list_artifacts(run_id=run.info.run_id)
