import pickle
from flask import Flask
from flask import request
from flask import jsonify

model_file = 'model_1.0.bin' 

with open(model_file, 'rb') as f_in:
    dv , model =  pickle.load(f_in)

app = Flask('conversion')
@app.route('/predict', methods = ['POST'])

def predict():
    customer = request.get_json()

    X = dv.transform([customer])
    y_pred = model.predict_proba(X)[0,1]

    conversion = y_pred >= 0.5

    result = {
        'conversion probability': float(y_pred),
        'conversion':bool(conversion)
    }
    return jsonify(result)

if __name__ == "__main__":
    app.run(debug=True, host = '0.0.0.0', port= 9696)
