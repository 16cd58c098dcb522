import os
from datetime import timedelta

import numpy as np
import pandas as pd
import requests
from dotenv import find_dotenv, load_dotenv
from flask import Flask, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import JWTManager, jwt_required
from flask_sqlalchemy import SQLAlchemy
from keras.layers import Concatenate, Dense, Embedding, Flatten, Input
from keras.models import Model
from keras.optimizers import Adam

load_dotenv(find_dotenv())
app = Flask(__name__)
CORS(app)

app.config["JWT_SECRET_KEY"] = os.getenv("JWT_SECRET_KEY")
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(hours=1)
jwt = JWTManager(app)

app.config["SQLALCHEMY_DATABASE_URI"] = os.getenv("DATABASE_URL")
db = SQLAlchemy(app)

nn_model = None
training_model = None


class NeuralNetworkRecommender:
    def __init__(self, num_users, num_items, embedding_size=50):
        user_input = Input(shape=[1])
        item_input = Input(shape=[1])
        user_vecs = Flatten()(Embedding(input_dim=num_users + 1, output_dim=embedding_size)(user_input))
        item_vecs = Flatten()(Embedding(input_dim=num_items + 1, output_dim=embedding_size)(item_input))
        output = Dense(1)(Dense(64, activation="relu")(Concatenate()([user_vecs, item_vecs])))
        self.model = Model(inputs=[user_input, item_input], outputs=output)
        self.model.compile(loss="mean_squared_error", optimizer=Adam(learning_rate=0.001))

    def train(self, user_item_pairs, ratings, num_epochs=10, batch_size=64):
        user_array, item_array = zip(*user_item_pairs)
        self.model.fit([np.array(user_array), np.array(item_array)], np.array(ratings), epochs=num_epochs, batch_size=batch_size)

    def getTopN(self, user_id, n_recs=10):
        unrated = self.items[~self.items["mapped_animeId"].isin(self.rated(user_id))]["mapped_animeId"].tolist()
        predictions = self.model.predict([np.full(len(unrated), user_id), np.array(unrated)])
        return sorted(zip(unrated, predictions.flatten()), key=lambda x: x[1], reverse=True)[:n_recs]


with app.app_context():
    db.create_all()

MAL_API_URL = "https://api.myanimelist.net/v2/anime"


def getDetails(animeId):
    details = requests.get(MAL_API_URL + f"/{animeId}", headers={"X-MAL-CLIENT-ID": os.getenv("CLIENT_ID")})
    return details.json()


def createRatingsDf():
    return pd.read_sql_query("SELECT * FROM ratings", db.engine)


def retrain_model():
    ratings_df = createRatingsDf()
    model = NeuralNetworkRecommender(ratings_df["userId"].nunique(), ratings_df["animeId"].nunique())
    model.train(ratings_df[["userId", "animeId"]].values.tolist(), ratings_df["rating"].values.tolist())
    return model


@app.route("/api/initialize", methods=["GET"])
def initialize_recommender():
    global nn_model
    nn_model = retrain_model()
    return jsonify({"message": "Recommender initialized"})


@app.route("/api/update-model", methods=["POST"])
def update_model():
    global training_model
    global nn_model
    training_model = retrain_model()
    nn_model = training_model
    training_model = None
    return jsonify({"message": "Model update completed"})


@app.route("/api/recs", methods=["GET"])
@jwt_required()
def return_recs():
    orig_user_id = int(request.args.get("userId"))
    detailed_recs = []
    userId = nn_model.user_id_map[orig_user_id]
    for item_id, _ in nn_model.getTopN(userId, 15):
        details = getDetails(int(nn_model.orig_anime_id_map[item_id]))
        detailed_recs.append({"animeId": item_id, "title": details["title"]})
    return jsonify(detailed_recs)


if __name__ == "__main__":
    app.run(debug=True)
