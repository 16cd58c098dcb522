from fastapi import FastAPI
import pandas as pd
import numpy as np
import datetime
import requests
import pickle
import sklearn

app = FastAPI()

# with open("./model.pkl", "rb") as f:
#   model = pickle.load(f)

@app.get("/")
def read_root():
  return {"Hello": "Test"}


@app.get("/items/{item_id}")
def read_item(item_id: int):
    return {"item_id": item_id}

@app.get("/odds")
def get_todays_odds():
  today = datetime.date.today()
  API_KEY = '5c1f0e9a7d3b2c4e6f8a0b1c2d3e4f5a'
  SPORT = 'basketball_ncaab'
  REGIONS = 'us'
  MARKETS = 'h2h,spreads'
  ODDS_FORMAT = 'american'
  DATE_FORMAT = 'unix'
  sports_response = requests.get(
      'https://api.the-odds-api.com/v4/sports',
      params={
          'api_key': API_KEY
      }
  )

  if sports_response.status_code != 200:
      print(f'Failed to get sports: status_code {sports_response.status_code}, response body {sports_response.text}')

  else:
      print('List of in season sports:', sports_response.json())

  odds_response = requests.get(
      f'https://api.the-odds-api.com/v4/sports/{SPORT}/odds',
      params={
          'api_key': API_KEY,
          'regions': REGIONS,
          'markets': MARKETS,
          'oddsFormat': ODDS_FORMAT,
          'dateFormat': DATE_FORMAT,
      }
  )

  if odds_response.status_code != 200:
      print(f'Failed to get odds: status_code {odds_response.status_code}, response body {odds_response.text}')

  else:
      odds_json = odds_response.json()

  df_alt_names = []
  df_alt_names.append(["Alabama Crimson Tide", "Alabama"])
  df_alt_names.append(["Vanderbilt Commodores", "Vanderbilt"])
  df_alt_names.append(["San Diego St Aztecs", "San Diego State"])
  df_alt_names = pd.DataFrame(df_alt_names, columns=["odds_name", "name"])

  games = []
  for game in odds_json:
      games.append([game["home_team"], game["away_team"], game["commence_time"]])
  df_games = pd.DataFrame(games, columns=["home", "away", "time"])
  df_games = df_games.merge(df_alt_names, left_on="home", right_on="odds_name")
  return df_games.to_dict(orient="records")
