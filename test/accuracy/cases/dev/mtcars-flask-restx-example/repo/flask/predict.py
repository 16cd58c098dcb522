import pickle
from flask import Flask, request
from flask_restx import Api, Resource, fields

# TODO: Replace with getting a pin!
m = pickle.load(open("model.p", "rb"))

app = Flask(__name__)
api = Api(app, version="0.1.0", title="MPG API", description="mtcars predict mpg")
ns = api.namespace("predict", description="predict mpg based on attributes")

mpg_predict = api.model(
    "MPG Prediction",
    {
        "hp": fields.Integer(required=True, description="Horsepower of new car"),
        "cyl": fields.Integer(required=True, description="Number of cylinders in new car"),
        "mpg": fields.Integer(description="Predicted MPG"),
    },
)


@ns.route("/")
class Predict(Resource):
    @ns.marshal_with(mpg_predict)
    def post(self):
        json_data = request.get_json(force=True)
        hp = int(json_data['hp'])
        cyl = int(json_data['cyl'])
        mpg = m.predict([[cyl, hp]])
        return {"hp": hp, "cyl": cyl, "mpg": mpg}


@ns.route("/cyl6/<int:hp>")
class PredictSixCylinders(Resource):
    @ns.marshal_with(mpg_predict)
    def get(self, hp):
        cyl = 6
        mpg = m.predict([[cyl, hp]])
        return {"hp": hp, "cyl": cyl, "mpg": mpg}
