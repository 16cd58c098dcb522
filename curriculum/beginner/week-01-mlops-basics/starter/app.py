#[ko] 1주차: 간단한 모델 서빙 API
#[ko] 이 코드는 동작하지만 프로덕션 준비가 되어 있지 않아요. 저장하면 진단이 표시됩니다.
#[ko] 실행해 보기: pip install -r requirements.txt 후 python app.py
#[ko]   (model.pkl은 주차를 시작할 때 만들어 드린 작은 모델입니다)
#[en] Week 1: a simple model-serving API
#[en] This code works but is not production ready. Save it to see the diagnostics.
#[en] Run it: pip install -r requirements.txt, then python app.py
#[en]   (model.pkl is a tiny model created for you when the week started)
from flask import Flask, request, jsonify
import pickle

app = Flask(__name__)

#[ko] TODO: 모델을 안전하게 로드하세요
#[ko] 고려사항:
#[ko] - 이 파일은 누가 만들었고, 중간에 바뀌지 않았다는 걸 어떻게 확인하나요?
#[ko] - pickle 대신 쓸 수 있는 형식은? (safetensors, skops, ONNX ...)
#[ko] - 모델 로딩이 실패하면 서버는 어떻게 동작해야 할까요?
#[en] TODO: load the model safely
#[en] Consider:
#[en] - who produced this file, and how do you know nobody changed it on the way?
#[en] - which formats could replace pickle? (safetensors, skops, ONNX ...)
#[en] - how should the server behave when the model fails to load?
model = pickle.load(open('model.pkl', 'rb'))


@app.route('/predict', methods=['POST'])
def predict():
    #[ko] TODO: 입력 검증
    #[ko] 고려사항:
    #[ko] - features는 몇 개이고, 어떤 타입이어야 하나요?
    #[ko] - 잘못된 요청에는 어떤 상태 코드를 돌려줄까요?
    #[en] TODO: validate the input
    #[en] Consider:
    #[en] - how many features are there, and of which type?
    #[en] - which status code should a bad request get?
    data = request.json
    prediction = model.predict([data['features']])
    return jsonify({'prediction': prediction[0]})


#[ko] TODO: 헬스 체크 엔드포인트
#[ko] 고려사항:
#[ko] - "프로세스가 살아 있다"와 "요청을 받을 준비가 됐다"는 같은 뜻일까요?
#[ko] - 모델이 로드되지 않았다면 무엇을 반환해야 할까요?
#[en] TODO: a health-check endpoint
#[en] Consider:
#[en] - do "the process is alive" and "it is ready to take requests" mean the same thing?
#[en] - what should it return when the model is not loaded?


if __name__ == '__main__':
    #[ko] TODO: 운영 환경에서는 어떤 서버로 실행할까요? debug는 어디서 켜고 끌까요?
    #[en] TODO: which server runs this in production? Where is debug switched on and off?
    app.run(debug=True)
