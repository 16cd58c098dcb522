/**
 * Answers a good teacher gives: explanations, questions, TODO skeletons, short inline
 * identifiers, prose naming functions, a seed-style review. The guard must pass every one of
 * them through unchanged. Each belongs to a learner file (`fastapi` is the seed's Flask app,
 * `k8s` its Deployment).
 */
export interface Harmless {
  readonly id: string;
  readonly solution: 'fastapi' | 'k8s' | 'docker';
  readonly text: string;
}

export const HARMLESS: readonly Harmless[] = [
  {
    id: 'seed-review-ko',
    solution: 'fastapi',
    text: `Flask로 모델 서빙을 구현하셨네요! 기본적인 구조는 좋아요. 👍

🤔 **하지만 프로덕션 관점에서 개선할 점들이 있어요:**

1. **보안**:
   - 입력 검증이 없어요 (9번째 줄의 \`request.json\`)
   - HTTPS가 설정되어 있나요?
   - 인증/인가는 어떻게 하나요?

2. **안정성**:
   - 에러 핸들링이 없어요
   - 모델 로딩 실패 시 어떻게 대응하나요?

3. **모니터링**:
   - 응답 시간을 측정하고 있나요?
   - 에러율은 추적하나요?

💡 **다음 단계로 개선해보세요:**
\`\`\`python
from fastapi import FastAPI, HTTPException
from prometheus_client import Counter, Histogram
import logging
from typing import List
import asyncio

# TODO: 프로덕션 레디 서비스로 개선
app = FastAPI()

# TODO: 메트릭 추가
REQUEST_COUNT = Counter('model_predictions_total', 'Total predictions')
REQUEST_LATENCY = Histogram('model_prediction_duration_seconds', 'Prediction latency')

# TODO: 에러 핸들링, 입력 검증, 비동기 처리 추가
\`\`\`

개선된 버전을 보여주시면 함께 리뷰해볼게요!
`,
  },
  {
    id: 'seed-review-en',
    solution: 'fastapi',
    text: `You've built model serving with Flask! The basic structure is good. 👍

🤔 **From a production point of view, there is room to improve:**

1. **Security**: there is no input validation on line 9 (\`request.json\`). What happens if \`features\` is missing?
2. **Reliability**: what happens when \`pickle.load\` fails at start-up?
3. **Monitoring**: do you measure response time and error rate?

💡 **Next steps:**
\`\`\`python
from fastapi import FastAPI, HTTPException
from prometheus_client import Counter, Histogram

# TODO: turn this into a production-ready service
app = FastAPI()

# TODO: add metrics
REQUEST_COUNT = Counter('model_predictions_total', 'Total predictions')

# TODO: error handling, input validation, async processing
\`\`\`

Show me the improved version and we'll review it together!
`,
  },
  {
    id: 'explain-debug-ko',
    solution: 'fastapi',
    text: `\`debug=True\`는 개발할 때만 쓰는 설정이에요. 운영 서버에서 켜 두면 오류 페이지에 스택 트레이스가 그대로 보이고, Werkzeug 디버거로 코드를 실행할 수도 있어요.

- 이 값은 어디에서 와야 할까요? 환경 변수일까요, 설정 파일일까요?
- 운영에서는 \`gunicorn\`이나 \`uvicorn\` 같은 서버가 앱을 띄우는데, 그때 \`app.run()\`은 실행될까요?

한번 생각해 보시고 답을 들려주세요! 🤔
`,
  },
  {
    id: 'explain-probes-en',
    solution: 'k8s',
    text: `A \`readinessProbe\` tells Kubernetes when a pod may receive traffic; a \`livenessProbe\` tells it when to restart the container. They answer different questions, so they usually check different things.

- While your model is still loading, should the pod be *ready*? Should it be *restarted*?
- How long does loading take? That decides \`initialDelaySeconds\` (or a \`startupProbe\`).
- If the database is down, would a restart help?

Which of these can you answer for your service?
`,
  },
  {
    id: 'skeleton-class',
    solution: 'fastapi',
    text: `좋아요, 구조부터 잡아 봐요. 아래 골격의 TODO를 직접 채워 보세요:

\`\`\`python
# TODO: 확장 가능한 모델 서빙 API
from fastapi import FastAPI, BackgroundTasks
from prometheus_client import make_asgi_app
import asyncio

class ModelServingSystem:
    def __init__(self):
        self.model_cache = {}
        self.fallback_model = None

    async def predict(self, features, model_version="latest"):
        """비동기 예측 API"""
        # TODO: 모델 로딩, 캐싱, fallback 처리
        pass

    def health_check(self):
        """헬스 체크"""
        # TODO: 모델 상태, 메모리 사용량 등 확인
        pass

# 고려사항: 오토스케일링, 로드밸런싱, 서킷브레이커
\`\`\`

어떤 메서드부터 채워 보시겠어요?
`,
  },
  {
    id: 'yaml-skeleton',
    solution: 'k8s',
    text: `Here is a skeleton for the probes; fill in the TODOs from what you know about your service:

\`\`\`yaml
readinessProbe:
  httpGet:
    path: # TODO: which endpoint says the model is loaded?
    port: # TODO
  initialDelaySeconds: # TODO: how long does loading take?
livenessProbe:
  httpGet:
    path: # TODO
    port: # TODO
\`\`\`

What would you put in \`path\` for each, and why?
`,
  },
  {
    id: 'requirements-ko',
    solution: 'k8s',
    text: `실시간 서빙 배포, 복잡한 엔지니어링 문제네요!

🤔 **먼저 요구사항을 분석해봅시다:**

**1. 성능 요구사항**
- QPS(초당 요청 수)가 얼마나 되나요?
- 응답 시간 SLA는 몇 ms인가요?

**2. 운영 요구사항**
- 99.9% 가용성이 필요한가요? 그렇다면 \`replicas: 1\`로 충분할까요?
- 장애 시 fallback 전략이 있나요?

이런 요구사항들을 정의해주시면, 적합한 구성을 함께 설계해볼게요!
`,
  },
  {
    id: 'identifiers-list',
    solution: 'fastapi',
    text: `Look at these names in your file and ask what each one does in production:

- \`app\`
- \`model\`
- \`predict\`
- \`request.json\`
- \`FLASK_DEBUG\`
- \`pickle\`

Which of them would you rename or move, and why?
`,
  },
  {
    id: 'function-names',
    solution: 'fastapi',
    text: `Your \`predict()\` handler calls \`model.predict()\` and returns \`jsonify()\` directly. What should happen when \`model.predict()\` raises? A separate \`health_check()\` function could report whether the model loaded; where would you register it, next to \`predict()\`?
`,
  },
  {
    id: 'quote-learner-line',
    solution: 'fastapi',
    text: `14번째 줄을 보세요:

\`\`\`python
app.run(debug=True)
\`\`\`

이 줄이 운영 서버에서 그대로 실행되면 무슨 일이 생길까요?
`,
  },
  {
    id: 'shell-command',
    solution: 'fastapi',
    text: `Metrics usually start with a client library. Install it first:

\`\`\`bash
pip install prometheus-client
\`\`\`

Then: which three numbers would tell you that \`/predict\` is healthy?
`,
  },
  {
    id: 'table-strategies',
    solution: 'k8s',
    text: `| 전략 | 장점 | 단점 |
|---|---|---|
| 블루-그린 | 빠른 롤백 | 2배 리소스 |
| 카나리 | 점진적 검증 | 복잡한 라우팅 |
| 롤링 | 리소스 효율적 | 혼재 상태 |

지금 서비스에는 어떤 전략이 맞을까요? 이유도 함께 적어 보세요.
`,
  },
  {
    id: 'one-line-hint',
    solution: 'fastapi',
    text: `A small hint: outgoing HTTP calls need a time limit, for example \`requests.get(url, timeout=5)\`. Where in your service do you call out, and what should happen when the limit is hit?
`,
  },
  {
    id: 'dockerfile-questions',
    solution: 'docker',
    text: `Your image starts from \`python:latest\` and runs as root. Questions to work through:

1. What changes under you when \`latest\` moves? Which tag would you pin, and how would you update it?
2. Does the running container need \`pip\` and the build tools? What would a second stage change?
3. Which user should \`CMD\` run as?

\`\`\`dockerfile
FROM python:3.12-slim
# TODO: install dependencies in a build stage
# TODO: run as a non-root user
# TODO: how will the orchestrator know the service is healthy?
\`\`\`
`,
  },
  {
    id: 'project-tree',
    solution: 'fastapi',
    text: `먼저 프로젝트 구조를 정해 봐요:

\`\`\`text
project/
├── services/
│   ├── api/
│   └── monitoring/
└── models/
    └── registry/
\`\`\`

# TODO: 각 폴더에 무엇이 들어갈지 적어 보세요
`,
  },
];
