from flask import Flask, request, jsonify
import joblib
import pandas as pd

print("Loading model...")
model = joblib.load('sentiment_model.joblib')
print("Model loaded.")

app = Flask(__name__)

@app.route('/predict', methods=['POST'])
def predict():
    try:
        data = request.get_json()
        print(f"Received data: {data}")

        input_text = pd.Series([data['text']])

        prediction = model.predict(input_text)
        prediction_proba = model.predict_proba(input_text)

        result = {
            'input_text': data['text'],
            'prediction': prediction[0],
            'probability_positive': prediction_proba[0][1],
            'probability_negative': prediction_proba[0][0]
        }
        print(f"Prediction result: {result}")
        return jsonify(result)

    except Exception as e:
        print(f"Error processing request: {e}")
        return jsonify({'error': str(e)}), 400

if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000, debug=True)
