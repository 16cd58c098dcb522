import type { PythonFacts } from '../../project/facts';
import { importedModules } from '../../project/modules';
import { gunicornLogFile, serverStarts } from '../../project/server-starts';
import { fileOnlyLogging } from '../../python/log-files';
import { servingApp } from '../../python/serving';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'logs-only-to-file',
  language: 'python',
  category: 'observability',
  severity: 'info',
  anchors: ['gap:logs-only-to-file'],
  messages: {
    fileOnly: l(
      '이 서비스의 로그는 컨테이너 안의 파일 {file}에만 쓰입니다 — docker logs·kubectl logs에는 아무것도 보이지 않고, 파일은 디스크가 찰 때까지 커지며, 컨테이너가 바뀌면 사라집니다',
      'This service logs only to the file {file} inside its container — docker logs and kubectl logs show nothing, the file grows until the disk fills, and it is gone when the container is replaced',
    ),
    serverFileOnly: l(
      'gunicorn이 로그를 컨테이너 안의 파일 {file}에 씁니다 — docker logs·kubectl logs에는 보이지 않고 컨테이너가 바뀌면 사라집니다 (`-`는 stdout입니다)',
      'gunicorn writes its log to the file {file} inside the container — docker logs and kubectl logs never see it, and it is gone when the container is replaced (`-` means stdout)',
    ),
  },
  docs: {
    summary: l(
      '요청을 처리하는 서비스 파일(앱과 핸들러가 있는 파일, 블루프린트만 연결하는 앱 팩토리)이 로깅을 파일로만 보내는 곳을 찾습니다: filename=을 준 logging.basicConfig, 또는 FileHandler·RotatingFileHandler·TimedRotatingFileHandler가 있는데 StreamHandler(또는 filename 없는 basicConfig, dictConfig/fileConfig 설정, loguru·structlog의 기본 출력)가 없는 경우입니다. 프로젝트 전체를 보면, 서비스가 가져오는 로깅 도우미 모듈(logger.py, log_utils.py)이 파일로만 보낼 때도 그 모듈에 알립니다. Dockerfile CMD, compose·Kubernetes command, Procfile, 시작 스크립트에서 gunicorn의 --access-logfile/--error-logfile/--log-file이 파일을 가리키는 경우도 찾습니다(`-`는 stdout이라 괜찮습니다). Flask app.logger에 파일 핸들러를 더한 경우는 기본 stderr 핸들러가 남으므로 제외합니다. 테스트 파일과 학습 스크립트는 제외하고, 트리의 어떤 실행기도 시작하지 않는 앱(옆에 놓인 데모)도 제외합니다.',
      'Flags service files (an app with request handlers, or an app factory that mounts blueprints) whose logging goes only to a file: logging.basicConfig given filename=, or a FileHandler, RotatingFileHandler or TimedRotatingFileHandler with no StreamHandler beside it (nor a basicConfig without filename, a dictConfig/fileConfig set-up, or loguru’s and structlog’s default output). Across the project, a logging helper module (logger.py, log_utils.py) that a service imports is reported too when it sends logs only to a file. gunicorn’s --access-logfile, --error-logfile or --log-file pointing at a file in a Dockerfile CMD, a compose or Kubernetes command, a Procfile or a start script is reported too (`-` is stdout and fine). A file handler added to Flask’s app.logger is left alone: Flask’s default stderr handler stays beside it. Test files and training scripts are skipped, and so is an app no launcher of the tree starts (a demo beside the served one).',
    ),
    why: l(
      '컨테이너 플랫폼(Docker, Kubernetes, Cloud Run, App Service)은 프로세스의 stdout/stderr만 모읍니다(Twelve-Factor XI: 로그는 이벤트 스트림). 컨테이너 안의 파일에 쓴 로그는 docker logs에도 수집기에도 보이지 않고, 회전하지 않으면 디스크를 채워 파드가 축출되며, 컨테이너가 교체되는 순간 장애의 기록과 함께 사라집니다.',
      'Container platforms (Docker, Kubernetes, Cloud Run, App Service) collect only the process’s stdout and stderr (Twelve-Factor XI: logs are event streams). A log written to a file inside the container is seen by neither docker logs nor any collector; unrotated it fills the disk until the pod is evicted, and it disappears, with the record of the incident, the moment the container is replaced.',
    ),
    bad: 'import logging\n\nfrom fastapi import FastAPI\n\nlogging.basicConfig(level=logging.INFO, filename="logs/api.log")\nlogger = logging.getLogger(__name__)\napp = FastAPI()\n\n@app.get("/predict")\ndef predict(x: float):\n    logger.info("predict %s", x)\n    return {"y": 2 * x}\n',
    good: 'import logging\nimport sys\n\nfrom fastapi import FastAPI\n\n# TODO: 파일이 꼭 필요하다면 StreamHandler와 함께 두고, 수집은 플랫폼에 맡기세요\nlogging.basicConfig(level=logging.INFO, stream=sys.stdout)\nlogger = logging.getLogger(__name__)\napp = FastAPI()\n\n@app.get("/predict")\ndef predict(x: float):\n    logger.info("predict %s", x)\n    return {"y": 2 * x}\n',
  },
  weeks: ['beginner/6', 'intermediate/6'],
  questions: [
    l(
      '이 컨테이너가 재시작된 뒤, 어젯밤 실패한 요청의 로그를 어디에서 찾을 수 있나요? docker logs에는 무엇이 보일까요?',
      'After this container restarts, where would you find the log of last night’s failed request? What does docker logs show?',
    ),
    l(
      '복제본이 세 개라면 로그 파일도 세 개입니다 — 한 요청의 흐름을 어떻게 한곳에서 볼 수 있을까요?',
      'With three replicas there are three log files — how would you follow one request in one place?',
    ),
    l('이 파일은 언제 지워지거나 회전되나요? 디스크가 차면 서비스는 어떻게 될까요?', 'When is this file deleted or rotated? What happens to the service when the disk fills?'),
  ],
  scaffold: {
    ko: '# TODO: 로그를 stdout으로\n# 고려사항:\n# - logging.basicConfig(stream=sys.stdout) 또는 StreamHandler 하나면 플랫폼이 모읍니다\n# - 파일이 꼭 필요하다면 StreamHandler와 함께 두고, 볼륨과 회전을 정하세요\n# - JSON 형식이면 수집기가 필드로 읽습니다\n',
    en: '# TODO: send the logs to stdout\n# Consider:\n# - logging.basicConfig(stream=sys.stdout) or one StreamHandler is all the platform needs\n# - if a file is really needed, keep a StreamHandler beside it and decide its volume and rotation\n# - a JSON format lets the collector read fields\n',
  },
  project(context) {
    const { view } = context;
    // An app nothing the tree runs starts (a demo beside the served app) is not the deployed service.
    for (const path of view.entryPoints.unserved) context.withdraw(path);
    // gunicorn told to write its logs to a file where the container, a Procfile or a start script launches it.
    for (const start of serverStarts(view)) {
      const file = gunicornLogFile(start.words);
      if (file) context.report({ path: start.path, range: start.range, messageId: 'serverFileOnly', data: { file } });
    }
    // A logging helper (`logger.py`, `log_utils.py`) has no app of its own: it is the service's
    // logging when a module that serves imports it, directly or through other project modules.
    const helpers = [...view.python].filter(([path, f]) => f.fileOnlyLog && !serving(f) && !isTestPath(path));
    if (helpers.length === 0) return;
    const reached = new Set<string>();
    for (const [path, facts] of view.python)
      if (serving(facts) && !view.unserved(path)) for (const p of importedModules(view.modules, view.python, path, MAX_IMPORT_DEPTH)) reached.add(p);
    for (const [path, facts] of helpers) {
      if (!reached.has(path)) continue;
      const { line, file } = facts.fileOnlyLog!;
      context.report({ path, range: { start: { line, column: 0 }, end: { line, column: 0 } }, messageId: 'fileOnly', data: { file } });
    }
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0 && !servingApp(model) && !model.calls.some((c) => APP_FACTORY.test(c.callee ?? ''))) return;
    const target = fileOnlyLogging(model);
    if (target) context.report({ node: target.node, messageId: 'fileOnly', data: { file: target.file } });
  },
});

/** An app created in a factory whose routes all live in blueprints or routers (no handler in the file). */
const APP_FACTORY = /^(flask\.Flask|fastapi\.FastAPI|quart\.Quart|starlette\.applications\.Starlette)$/;

/** A module that serves requests or work itself, or creates an app (a factory whose routes are blueprints). */
function serving(facts: PythonFacts): boolean {
  return facts.serves === true || facts.objects.some((o) => o.role === 'app');
}

const MAX_IMPORT_DEPTH = 4;
