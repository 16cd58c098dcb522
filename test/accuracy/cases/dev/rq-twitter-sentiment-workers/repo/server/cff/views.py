import pyEX as px
import yfinance as yf
from flask import Blueprint, jsonify, request

from cff import config
from cff.sentiment import predict_sentiment, process_text

main = Blueprint("main", __name__)


@main.route("/getPriceTimeSeries", methods=["POST"])
def get_price_timeseries():
    request_object = request.get_json()
    ticker = request_object["ticker"]

    iex = px.Client(api_token=config.IEX_TOKEN, version=config.IEX_ENV)
    data = iex.chartDF(ticker, closeOnly=True, timeframe="1y").reset_index()
    data["date"] = data["date"].dt.strftime("%Y-%m-%d")
    return jsonify(data[["close", "date"]].to_dict("records"))


@main.route("/getSentiment", methods=["POST"])
def get_sentiment():
    request_object = request.get_json()
    strings_for_processing = request_object["strings"]
    if not strings_for_processing:
        return "Include valid strings for request", 400

    processed_text = process_text(strings_for_processing)
    return jsonify({"results": predict_sentiment(processed_text)})


@main.route("/getPrice", methods=["POST"])
def get_price():
    request_object = request.get_json()
    ticker_dict = {}
    requested_tickers = request_object["tickers"]
    if not requested_tickers:
        return "Include valid tickers for request", 400

    for tick in requested_tickers:
        ticker_dict[tick] = yf.Ticker(tick).history(period="1d")["Close"][0]
    return jsonify(ticker_dict)
