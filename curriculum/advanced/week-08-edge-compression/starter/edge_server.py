# 고급 8주차: 엣지 추론 서버 (Advanced week 8: an edge inference server)
# TODO: 엣지 배포를 설계하세요. 하지만 먼저 다음을 고려해 보세요:
# 1. 장비의 메모리, 전력, 네트워크 제약은?
# 2. 모델을 얼마나 압축해야 하나요? (양자화, 가지치기, 지식 증류)
# 3. 수천 대의 장비에 새 모델을 어떻게 배포하고 되돌리나요?
from fastapi import FastAPI, UploadFile
from transformers import pipeline
from prometheus_client import Counter

app = FastAPI()
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')

# TODO: 이 모델 이름은 내일도 같은 가중치를 가리킬까요?
classifier = pipeline('image-classification', model='google/mobilenet_v2_1.0_224')


@app.get('/healthz')
def healthz():
    return {'status': 'ok'}


@app.post('/classify')
async def classify(image: UploadFile):
    # TODO: 업로드 크기 제한 - 2GB 장비에 100MB 이미지가 오면?
    data = await image.read()
    # TODO: 응답에 모델 버전을 넣으면 무엇을 추적할 수 있을까요?
    return {'labels': classifier(data)}
