from flask import Flask, jsonify,request,render_template
import requests
import json

app = Flask(__name__, template_folder='templates')


@app.route('/')
def index():
    return '''
        <html><body>
        <h1>Model Inference Dashboard</h1>
        <form action='/predict' method='post'>
            <label for='Port'>Port Number:</label>
            <input type='text' value='65433' id='Port' name='Port'>
            <input type='number' value='71.0' id='ssc_p' name='ssc_p'>
            <input type='number' value='58.66' id='hsc_p' name='hsc_p'>
            <input type='submit' value='Predict'>
        </form>
        </body></html>
    '''

@app.route('/predict', methods=['POST', 'GET'])

def predict():

    candidate = [{
  "gender": request.form['gender'],
  "ssc_p":  float(request.form['ssc_p']),
  "hsc_p": float(request.form['hsc_p']),
  "degree_p": float(request.form['degree_p']),
  "workex": request.form['workex'],
  }]

    print(candidate)

    port = request.form['Port']
    url = "http://a2d35f8116dd142d8b1d1358bd6751d0-1802657586.us-east-1.elb.amazonaws.com:"+ str(port) + "/predict"
    response = requests.post(url=url, json=candidate)

    if response.status_code == 200:
        output = response.json()
        return render_template('result.html', result=output)
    else:
        return jsonify({'error': f'Error in evaluating features, status code: {response.status_code}'})

if __name__ == '__main__':
    app.run(debug=True)
