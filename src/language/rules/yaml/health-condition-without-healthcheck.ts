import { l, yamlRule } from '../../rule';
import { composeServices, dependencies, healthcheckEnabled } from '../../yaml/compose';
import { has } from '../../yaml/model';

export default yamlRule({
  id: 'health-condition-without-healthcheck',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'reliability',
  severity: 'error',
  messages: {
    noHealthcheck: l(
      '"{service}" 서비스는 "{target}"이(가) healthy가 되기를 기다리지만, "{target}"에는 healthcheck가 없어 healthy가 될 수 없습니다',
      '"{service}" waits for "{target}" to be healthy, but "{target}" has no healthcheck, so it can never become healthy',
    ),
  },
  docs: {
    summary: l(
      'depends_on에서 condition: service_healthy로 기다리는 대상 서비스에 healthcheck가 없거나 꺼져 있는 경우를 찾습니다 (대상이 build로 만든 이미지라면 Dockerfile의 HEALTHCHECK가 있을 수 있어 제외).',
      'Flags a depends_on with condition: service_healthy whose target has no healthcheck, or has it disabled (targets built from a Dockerfile are skipped: the image may define a HEALTHCHECK).',
    ),
    why: l(
      'healthcheck가 없는 컨테이너는 healthy 상태가 되지 않으므로, docker compose는 의존하는 서비스를 시작하지 않고 "dependency failed to start" 같은 오류로 멈춥니다. 스택 전체가 한 번도 뜨지 않습니다.',
      'A container without a healthcheck never reaches the healthy state, so docker compose refuses to start the services that wait for it ("dependency ... is unhealthy" or "has no healthcheck"): the stack never comes up.',
    ),
    bad: 'services:\n  mlflow:\n    image: ghcr.io/mlflow/mlflow:v2.14.1\n  model-server:\n    image: registry.example.com/model-server:1.2.0\n    depends_on:\n      mlflow:\n        condition: service_healthy\n',
    good: 'services:\n  mlflow:\n    image: ghcr.io/mlflow/mlflow:v2.14.1\n    # TODO: MLflow가 요청을 받을 준비가 됐다는 것을 무엇으로 확인할 수 있을까요?\n    healthcheck:\n      test: ["CMD", "python", "-c", "# TODO"]\n      interval: 10s\n  model-server:\n    image: registry.example.com/model-server:1.2.0\n    depends_on:\n      mlflow:\n        condition: service_healthy\n',
  },
  weeks: ['beginner/3', 'intermediate/8'],
  questions: [
    l(
      '"{service}"가 기다리는 "{target}"의 healthy 상태는 누가, 어떤 명령으로 판정하나요?',
      'Who decides that "{target}" is healthy, the state "{service}" waits for, and with which command?',
    ),
    l(
      '"{target}" 이미지 안에 healthcheck 명령에 쓸 도구(curl, wget, python)가 있나요? 없다면 무엇으로 확인할 수 있을까요?',
      'Which tool inside the "{target}" image (curl, wget, python) could run the check, and what if it has none?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 기다리는 대상에 healthcheck 정의하기\n# 고려사항:\n# - 대상이 "준비됨"을 알리는 가장 가벼운 확인은 무엇인가요? (pg_isready, /health, redis-cli ping)\n# - 그 명령이 대상 이미지 안에 있나요?\n# healthcheck:\n#   test: # TODO\n#   interval: # TODO\n#   retries: # TODO\n',
    en: '# TODO: give the awaited service a healthcheck\n# Consider:\n# - what is the lightest check that says it is ready? (pg_isready, /health, redis-cli ping)\n# - is that command available inside the target image?\n# healthcheck:\n#   test: # TODO\n#   interval: # TODO\n#   retries: # TODO\n',
  },
  check(context, document) {
    const services = composeServices(document);
    const byName = new Map(services.map((s) => [s.name, s]));
    for (const service of services) {
      for (const dependency of dependencies(service.spec)) {
        if (dependency.condition !== 'service_healthy') continue;
        const target = byName.get(dependency.target);
        // A target from another compose file, or an image built here whose Dockerfile may carry a HEALTHCHECK.
        if (!target || has(target.spec, 'build') || has(target.spec, 'extends')) continue;
        if (healthcheckEnabled(target.spec)) continue;
        context.report({ range: dependency.range, messageId: 'noHealthcheck', data: { service: service.name, target: dependency.target } });
      }
    }
  },
});
