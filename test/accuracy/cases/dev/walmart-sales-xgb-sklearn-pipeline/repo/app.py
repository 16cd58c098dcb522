from flask import Flask, request, jsonify
import pandas as pd
import joblib
import xgboost

app = Flask(__name__)

model = joblib.load('model.pkl')

train_df = pd.read_csv('train.csv')


@app.route('/predict', methods=['POST'])
def predict():
    try:
        store = int(request.json.get('Store'))
        dept = int(request.json.get('Dept'))
        date = pd.to_datetime(request.json.get('Date'))

        merged_df = pd.merge(train_df[(train_df['Store'] == store) & (train_df['Dept'] == dept)],
                             pd.DataFrame({'Date': [date]}),
                             how='left',
                             on=['Store', 'Dept'])

        merged_df.drop('Date', axis=1, inplace=True)

        prediction = model.predict(merged_df.iloc[[-1]])

        return jsonify({'prediction': prediction.tolist()})
    except Exception as e:
        return jsonify({'error': str(e)}), 400


if __name__ == '__main__':
    app.run(debug=True)
