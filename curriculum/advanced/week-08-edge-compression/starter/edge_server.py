#[ko] 고급 8주차: 엣지 추론 서버
#[ko] TODO: 엣지 배포를 설계하세요. 하지만 먼저 다음을 고려해 보세요:
#[ko] 1. 장비의 메모리, 전력, 네트워크 제약은?
#[ko] 2. 모델을 얼마나 압축해야 하나요? (양자화, 가지치기, 지식 증류)
#[ko] 3. 수천 대의 장비에 새 모델을 어떻게 배포하고 되돌리나요?
#[en] Advanced week 8: an edge inference server
#[en] TODO: design the edge deployment. But first, consider:
#[en] 1. what are the device's memory, power and network limits?
#[en] 2. how much must the model shrink? (quantisation, pruning, distillation)
#[en] 3. how do you roll a new model out to thousands of devices, and back?
from fastapi import FastAPI, UploadFile
from transformers import pipeline
from prometheus_client import Counter

app = FastAPI()
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')

#[ko] TODO: 이 모델 이름은 내일도 같은 가중치를 가리킬까요?
#[en] TODO: will this model name point to the same weights tomorrow?
classifier = pipeline('image-classification', model='google/mobilenet_v2_1.0_224')


@app.get('/healthz')
def healthz():
    return {'status': 'ok'}


@app.post('/classify')
async def classify(image: UploadFile):
    #[ko] TODO: 업로드 크기 제한 - 2GB 장비에 100MB 이미지가 오면?
    #[en] TODO: an upload size limit - what if a 100 MB image reaches a 2 GB device?
    data = await image.read()
    #[ko] TODO: 응답에 모델 버전을 넣으면 무엇을 추적할 수 있을까요?
    #[en] TODO: what could you trace with the model version in each response?
    return {'labels': classifier(data)}
