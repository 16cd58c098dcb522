import os
import yaml
import pickle
import psycopg2
import pandas as pd

from io import BytesIO
from flask import Flask
from flask_restx import Resource, Api, reqparse, fields
from models import Model
from sqlalchemy import create_engine

if os.environ.get("RUNTIME_DOCKER", False):
    PG_USER = os.environ["POSTGRES_USER"]
    PG_PASSWORD = os.environ["POSTGRES_PASSWORD"]
    PG_HOST = os.environ["POSTGRES_HOST"]
else:
    with open("config.yaml") as f:
        config = yaml.safe_load(f)
    PG_USER = config["POSTGRES_USER"]
    PG_PASSWORD = config["POSTGRES_PASSWORD"]
    PG_HOST = config["POSTGRES_HOST"]

CONN_STRING = f"postgresql+psycopg2://{PG_USER}:{PG_PASSWORD}@{PG_HOST}:5432/wine"


def get_existing_models():
    engine = create_engine(CONN_STRING)
    names = pd.read_sql_query('SELECT DISTINCT "modelName" FROM public.models;', engine).modelName.tolist()
    engine.dispose()
    return names


app = Flask(__name__)
api = Api(app)

model_add = api.model(
    "Model.add.input",
    {
        "name": fields.String(required=True),
        "type": fields.String(required=True, description="'logreg' or 'xgboost'"),
        "params": fields.String(required=True, description="Must be a valid dict", default="{}"),
    },
)
model_predict = api.model(
    "Model.predict.input",
    {
        "name": fields.String(required=True),
        "alcohol": fields.Float(required=True, default=0),
        "density": fields.Float(required=True, default=0),
        "pH": fields.Float(required=True, default=0),
    },
)

parser_remove = reqparse.RequestParser(bundle_errors=True)
parser_remove.add_argument("name", type=str, required=True, location="args")


@api.route("/models/list")
class ModelList(Resource):
    def get(self):
        engine = create_engine(CONN_STRING)
        models = pd.read_sql_query('SELECT "modelName" AS "models", "modelType", "isTrained" FROM public.models;', engine)
        engine.dispose()
        return models.set_index("models").to_dict(orient="index"), 201


@api.route("/models/add")
class ModelAdd(Resource):
    @api.expect(model_add)
    def post(self):
        name = api.payload["name"]
        kind = api.payload["type"]
        raw_params = api.payload["params"]
        try:
            params = eval(raw_params)
        except Exception as e:
            return {"status": "Failed", "message": "'params' must be a valid dict"}, 401

        try:
            existing = get_existing_models()
        except Exception as e:
            return {"status": "Failed", "message": getattr(e, "message", repr(e))}, 408

        if name in existing:
            return {"status": "Failed", "message": "Model with a given name already exists"}, 403
        model = Model(model_type=kind, model_args=params)
        weights = BytesIO()
        pickle.dump(model, weights)
        weights.seek(0)
        engine = create_engine(CONN_STRING)
        engine.execute(
            'INSERT INTO public.models ("modelName", "modelType", "weights") VALUES (%s,%s,%s);',
            (name, kind, psycopg2.Binary(weights.read())),
        )
        engine.dispose()
        return {"status": "OK", "message": "Model created!"}, 201


@api.route("/models/remove")
class ModelRemove(Resource):
    @api.expect(parser_remove)
    def delete(self):
        name = parser_remove.parse_args()["name"]
        engine = create_engine(CONN_STRING)
        engine.execute(f"""DELETE FROM public.models WHERE "modelName" = '{name}';""")
        engine.dispose()
        return {"status": "OK", "message": "Model removed!"}, 201


@api.route("/models/train")
class ModelTrain(Resource):
    def post(self):
        name = api.payload["name"]
        try:
            engine = create_engine(CONN_STRING)
            raw = engine.execute(f"""SELECT weights FROM public.models WHERE "modelName" = '{name}';""").fetchone()
            model = pickle.loads(raw[0])
            message = model.train()
            weights = BytesIO()
            pickle.dump(model, weights)
            weights.seek(0)
            engine.execute(
                f"""UPDATE public.models SET "isTrained" = True, "weights" = %s WHERE "modelName" = '{name}';""",
                (psycopg2.Binary(weights.read()),),
            )
            engine.dispose()
            return {"status": "OK", "message": message}, 201
        except Exception as e:
            raise
            return {"status": "Failed", "message": getattr(e, "message", repr(e))}, 406


@api.route("/models/predict")
class ModelPredict(Resource):
    @api.expect(model_predict)
    def post(self):
        params = api.payload
        name = params.pop("name")
        try:
            engine = create_engine(CONN_STRING)
            raw = engine.execute(f"""SELECT weights FROM public.models WHERE "modelName" = '{name}';""").fetchone()
            engine.dispose()
            model = pickle.loads(raw[0])
            return {"result": model.predict(params)}, 201
        except Exception as e:
            return {"status": "Failed", "message": getattr(e, "message", repr(e))}, 407


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
