import argparse
import uuid
from datetime import datetime

import mlflow
import optuna
from dateutil.relativedelta import relativedelta
from mlflow.models import infer_signature
from pyspark.ml.classification import GBTClassifier
from pyspark.ml.evaluation import MulticlassClassificationEvaluator
from pyspark.ml.feature import VectorAssembler
from pyspark.sql import SparkSession

from utils.gdrive_utils import connect_to_gdrive, get_gold_file_if_exist

mlflow.set_tracking_uri(uri="http://mlflow:5000")
experiment_name = "job-fit-classification"
mlflow.set_experiment(experiment_name)

spark = SparkSession.builder.getOrCreate()


def register_model_mlflow(run_name, params, model, train_df, test_df, model_name, feature_col):
    with mlflow.start_run(run_name=run_name):
        classifier = model(**params, labelCol="fit_label", featuresCol=feature_col)
        model = classifier.fit(train_df)
        predictions = model.transform(test_df).persist()

        evaluator_f1 = MulticlassClassificationEvaluator(labelCol="fit_label", predictionCol="prediction", metricName="f1")
        f1 = evaluator_f1.evaluate(predictions)

        mlflow.log_params(params)
        mlflow.log_metrics({"f1": f1})

        signature = infer_signature(test_df.select(feature_col), predictions.select("prediction"))
        mlflow.spark.log_model(spark_model=model, artifact_path="job-fit-classification-model", signature=signature)

        train_path = f"/tmp/train_spark_{uuid.uuid4()}.parquet"
        train_df.select(feature_col).write.mode("overwrite").parquet(train_path)
        mlflow.log_artifact(train_path, artifact_path="training_data")

        mlflow.set_tag("model_type", "GBTClassifier")
        return model, f1


def run_optuna_xgb(train_df, test_df, feature_col, snapshot_date):
    def objective(trial):
        params = {
            "stepSize": trial.suggest_float("stepSize", 0.01, 0.3),
            "maxDepth": trial.suggest_int("maxDepth", 3, 10),
            "maxBins": trial.suggest_int("maxBins", 32, 500),
        }
        _, f1 = register_model_mlflow(f"xgb_{snapshot_date}_trial_{trial.number}", params, GBTClassifier, train_df, test_df, "GBTClassifier", feature_col)
        return f1

    study = optuna.create_study(direction="maximize")
    study.optimize(objective, n_trials=20)
    return study


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="run job")
    parser.add_argument("--snapshotdate", type=str, required=True, help="YYYY-MM-DD")
    args = parser.parse_args()

    service = connect_to_gdrive()
    snapshot_date = datetime.strptime(args.snapshotdate, "%Y-%m-%d")
    start_date = snapshot_date - relativedelta(months=2)
    feature_df, input_df = get_gold_file_if_exist(service, start_date, snapshot_date, spark)
    print(f"requested_df: {feature_df.count()} rows")

    feature_col = ["hard_skills_general_ratio", "soft_skills_ratio", "relevant_yoe", "avg_exp_sim"]
    input_df = feature_df.join(input_df.select("resume_id", "job_id", "fit_label"), on=["resume_id", "job_id"], how="inner")
    input_df = input_df.select(*feature_col, "fit_label").fillna(0.0, subset=feature_col)

    assembler = VectorAssembler(inputCols=feature_col, outputCol="features")
    df_transformed = assembler.transform(input_df)

    train_df, test_df = df_transformed.randomSplit([0.8, 0.2], seed=42)
    run_optuna_xgb(train_df, test_df, feature_col="features", snapshot_date=args.snapshotdate)
    spark.stop()
