import os
import warnings
warnings.filterwarnings('ignore')

import numpy as np
import pandas as pd

from imblearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, RobustScaler
from sklearn.impute import SimpleImputer
from sklearn.compose import ColumnTransformer
from sklearn.neural_network import MLPClassifier
from sklearn.model_selection import train_test_split

import mlflow
import matplotlib.pyplot as plt
from mlflow.models.signature import infer_signature
from sklearn.metrics import plot_confusion_matrix, f1_score, accuracy_score, precision_score, recall_score

class Fitter:

    def run(self):
        self.carregaDataSet()
        pipeline = self.criaPipeline()
        X_train, X_test, y_train, y_test = self.splitDataSet()

        pipeline.fit(X_train, y_train)
        y_pred = pipeline.predict(X_test)

        self.salvaModeloVersao(pipeline=pipeline, X_test=X_test, y_test=y_test, y_pred=y_pred)

    def carregaDataSet(self):
<<<<<<< HEAD
        self.df = pd.read_feather(os.path.join(os.getcwd(), "data/carteira_total.feather"))
=======
        self.df = pd.read_feather(os.path.join(os.getcwd(), "../../data/carteira_total.feather"))
>>>>>>> 94e4c339bb46b4c731e8b3fcaaba6fa4b895c7ea

    def criaPipeline(self):
        numeric_features = ['contratado_ofertas_simples', 'utilizado_ofertas_simples', 'leads_form', 'utilizado_destaque', 'valor_mensal', 'quantidade_mes']
        numeric_transformer = Pipeline(steps=[("imputer", SimpleImputer(strategy="median"))])
        categorical_features = ['pf_pj', 'equipe', 'status_pagamento', 'regiao', 'oficina', 'tipo_de_plano', 'frequencia_de_faturamento']
        categorical_transformer = Pipeline(
            steps=[("onehot", OneHotEncoder(handle_unknown='ignore')),
                   ("imputer", SimpleImputer(strategy="constant"))]
        )
        preprocessor = ColumnTransformer(
            transformers=[
                ("num", numeric_transformer, numeric_features),
                ("cat", categorical_transformer, categorical_features),
            ]
        )
        return Pipeline(
            steps=[
                ("preprocessor", preprocessor),
                ("scaler", RobustScaler(with_centering=False)),
                ("classifier", MLPClassifier(hidden_layer_sizes=(6, 5), random_state=1, learning_rate_init=0.01))
            ]
        )

    def splitDataSet(self):
        X = self.df.drop(columns=['churn'])
        y = self.df['churn']
        return train_test_split(X, y, test_size=0.2, random_state=42)

    def salvaModeloVersao(self, pipeline, X_test, y_test, y_pred):
        mlflow.set_experiment('Churn Prediction')

        signature = infer_signature(X_test, y_pred)
        mlflow.sklearn.log_model(pipeline, 'model_pipeline', signature=signature)

        params = pipeline.named_steps["classifier"].get_params()
        mlflow.log_params(params)

        plot_confusion_matrix(pipeline, X_test, y_test, values_format="d")
        plt.savefig("mlruns/confusion_matrix_.png")
        mlflow.log_artifact("mlruns/confusion_matrix_.png")
        plt.close()

        f1 = round(f1_score(y_test, y_pred, average='macro')*100, 2)
        accuracy = round(accuracy_score(y_test, y_pred)*100, 2)

        mlflow.log_metric("f1", f1)
        mlflow.log_metric("accuracy", accuracy)

        mlflow.end_run()

fitter = Fitter()
fitter.run()
