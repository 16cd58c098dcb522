import pandas as pd
from joblib import dump
from loguru import logger
from pyspark.sql import SparkSession
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

logger.info("Starting the Spark session")
spark = SparkSession.builder.appName("IrisSklearnTraining").getOrCreate()

iris = load_iris()
iris_df = pd.DataFrame(iris.data, columns=iris.feature_names)
iris_df["target"] = iris.target
iris_df = spark.createDataFrame(iris_df).toPandas()

X = iris_df.drop("target", axis=1)
y = iris_df["target"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

logger.info("Training the logistic regression")
model = LogisticRegression(max_iter=200)
model.fit(X_train, y_train)

logger.info("Saving the model")
dump(model, "iris_model_sklearn.joblib")

logger.info("Training finished")
spark.stop()
