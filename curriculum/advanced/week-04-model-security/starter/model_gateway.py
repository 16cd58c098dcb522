#[ko] 고급 4주차: 모델 게이트웨이
#[ko] TODO: ML 모델 보안 구현
#[ko] 고려사항: 적대적 공격 방어(입력 검증, 적대적 훈련), 모델 암호화, 모델 서명
#[en] Advanced week 4: a model gateway
#[en] TODO: secure the ML models
#[en] Consider: defending against adversarial attacks (input validation, adversarial training), model encryption, model signing
import pickle
import subprocess

from flask import Flask, jsonify, request
from prometheus_client import Counter

app = Flask(__name__)
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')


@app.get('/healthz')
def healthz():
    return jsonify(status='ok')


@app.post('/models/<name>/evaluate')
def evaluate(name):
    #[ko] TODO: 업로드된 바이트를 pickle로 열면 무엇이 실행될 수 있나요?
    #[en] TODO: what can run when uploaded bytes are opened with pickle?
    model = pickle.loads(request.files['model'].read())
    #[ko] TODO: 전처리 식을 사용자에게서 받아 실행해도 될까요? 대신 무엇을 허용할까요?
    #[en] TODO: may a preprocessing expression from the user be executed? What would you allow instead?
    transform = eval(request.form['preprocess'])
    rows = [transform(r) for r in request.get_json()['rows']]
    return jsonify(predictions=model.predict(rows).tolist())


@app.post('/models/<name>/convert')
def convert(name):
    #[ko] TODO: name이 "x; rm -rf /" 라면 어떤 명령이 실행될까요?
    #[en] TODO: which command runs when name is "x; rm -rf /"?
    subprocess.run(f'onnx-convert --model {name} --out /models/{name}.onnx', shell=True, check=True)
    return jsonify(status='converted')
