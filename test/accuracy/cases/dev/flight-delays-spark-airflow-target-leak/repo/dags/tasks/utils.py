"""utils module."""


def get_spark(app_name=None):
    import pyspark
    from pyspark import SparkConf

    app_name = app_name or "spark_app"
    conf = SparkConf()
    conf.setAppName(app_name)
    conf.set("spark.dynamicAllocation.enabled", "true")
    conf.set("spark.driver.maxResultSize", "4G")
    conf.set("spark.driver.memory", "4G")
    conf.set("spark.executor.memory", "4G")

    spark = pyspark.sql.SparkSession.builder.config(conf=conf).getOrCreate()
    return spark


def setup_s3_credentials():
    import os
    os.environ.setdefault("MLFLOW_S3_ENDPOINT_URL", "https://storage.yandexcloud.net")


def read_parquet(spark, path):
    return spark.read.parquet(path)
