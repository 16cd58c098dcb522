import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { composeEnvironment, composeServices } from '../../yaml/compose';
import { podContainers } from '../../yaml/kubernetes';
import { at, items, scalar } from '../../yaml/model';

/** `True`, `true`, `1`, `yes`: the Configuration page shows every setting (`non-sensitive-only` hides the secrets). */
const ON = /^(true|1|yes)$/i;

export default yamlRule({
  id: 'airflow-secrets-unprotected',
  language: 'yaml',
  documentKinds: ['compose', 'kubernetes'],
  category: 'security',
  severity: 'warning',
  anchors: ['gap:airflow-expose-config', 'gap:airflow-fernet-key'],
  messages: {
    exposed: l(
      'AIRFLOW__WEBSERVER__EXPOSE_CONFIG가 켜져 있어, 웹 UI의 Configuration 페이지가 메타데이터 DB 접속 URL과 Fernet 키를 포함한 모든 설정을 보여 줍니다',
      'AIRFLOW__WEBSERVER__EXPOSE_CONFIG is on: the web UI’s Configuration page shows every setting, the metadata database URL and the Fernet key included',
    ),
    unencrypted: l(
      'AIRFLOW__CORE__FERNET_KEY가 비어 있어, 커넥션 비밀번호와 Variable이 메타데이터 DB에 암호화되지 않은 채 저장됩니다',
      'AIRFLOW__CORE__FERNET_KEY is empty: connection passwords and Variables are stored unencrypted in the metadata database',
    ),
  },
  docs: {
    summary: l(
      "compose environment와 Kubernetes 컨테이너 env에서 Airflow의 설정 페이지를 켜 둔 경우(AIRFLOW__WEBSERVER__EXPOSE_CONFIG=True)와 Fernet 키를 빈 값으로 둔 경우(AIRFLOW__CORE__FERNET_KEY: '')를 찾습니다. ${FERNET_KEY}처럼 환경에서 받는 값과 non-sensitive-only는 괜찮습니다.",
      "Flags Airflow settings in compose environment and Kubernetes container env that turn the configuration page on (AIRFLOW__WEBSERVER__EXPOSE_CONFIG=True) or leave the Fernet key empty (AIRFLOW__CORE__FERNET_KEY: ''). A value taken from the environment (${FERNET_KEY}) and non-sensitive-only are fine.",
    ),
    why: l(
      'Airflow는 커넥션의 비밀번호와 Variable을 Fernet 키로 암호화해 메타데이터 DB에 저장합니다. 키가 비어 있으면 DB를 읽을 수 있는 누구나 S3 키와 DB 비밀번호를 평문으로 봅니다. expose_config를 켜면 UI에 로그인한 누구나 그 DB의 접속 URL과 Fernet 키까지 Configuration 페이지에서 읽습니다. 공식 docker-compose 예제와 책의 예제에서 그대로 복사되는 설정입니다.',
      'Airflow encrypts connection passwords and Variables in the metadata database with the Fernet key. With the key empty, anyone who can read the database reads the S3 keys and database passwords in plain text. With expose_config on, anyone logged in to the UI reads that database’s URL, and the Fernet key itself, on the Configuration page. Both settings are copied as they are from the official docker-compose example and from book examples.',
    ),
    bad: "services:\n  airflow:\n    image: apache/airflow:2.9.3\n    environment:\n      AIRFLOW__CORE__FERNET_KEY: ''\n      AIRFLOW__WEBSERVER__EXPOSE_CONFIG: 'true'\n",
    good: "services:\n  airflow:\n    image: apache/airflow:2.9.3\n    environment:\n      # TODO: 키는 어디에서 만들고 어디에 보관하나요? (python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')\n      AIRFLOW__CORE__FERNET_KEY: ${AIRFLOW_FERNET_KEY}\n      AIRFLOW__WEBSERVER__EXPOSE_CONFIG: 'non-sensitive-only'\n",
  },
  weeks: ['intermediate/5', 'beginner/3'],
  questions: [
    l(
      'Airflow 메타데이터의 백업 파일을 누군가 얻었다면, 그 안의 커넥션 비밀번호를 읽을 수 있을까요?',
      'If someone got hold of a backup of Airflow’s metadata, could they read the connection passwords in it?',
    ),
    l(
      'UI에 로그인할 수 있는 사람 중, 커넥션 비밀번호와 Fernet 키까지 알아야 하는 사람은 누구인가요?',
      'Of the people who can log in to the UI, who needs to know the connection passwords and the Fernet key?',
    ),
  ],
  scaffold: {
    ko: '# TODO: Airflow의 비밀이 평문으로 드러나지 않게 하기\n# 고려사항:\n# - Fernet 키를 한 번 만들어 .env나 시크릿 저장소에 두고 ${AIRFLOW_FERNET_KEY}로 받기\n# - 키를 바꾸면 기존 커넥션은 어떻게 다시 암호화하나요? (airflow rotate-fernet-key)\n# - Configuration 페이지가 꼭 필요하다면 non-sensitive-only로\n# AIRFLOW__CORE__FERNET_KEY: # TODO\n',
    en: '# TODO: keep Airflow’s secrets out of plain text\n# Consider:\n# - generate a Fernet key once, keep it in .env or a secret store, read it as ${AIRFLOW_FERNET_KEY}\n# - when the key changes, how are existing connections re-encrypted? (airflow rotate-fernet-key)\n# - if the Configuration page is needed at all, non-sensitive-only\n# AIRFLOW__CORE__FERNET_KEY: # TODO\n',
  },
  check(context, document) {
    // Services sharing one anchored environment (`environment: *airflow_env`) point at the same
    // lines: each line is told once.
    const told = new Set<string>();
    const judge = (name: string, value: string | undefined, range: Range): void => {
      const key = `${range.start.line}:${range.start.column}`;
      if (told.has(key)) return;
      const text = (value ?? '').trim();
      let messageId: 'exposed' | 'unencrypted' | undefined;
      if (name === 'AIRFLOW__WEBSERVER__EXPOSE_CONFIG' && ON.test(text)) messageId = 'exposed';
      else if (name === 'AIRFLOW__CORE__FERNET_KEY' && value !== undefined && text === '') messageId = 'unencrypted';
      if (!messageId) return;
      told.add(key);
      context.report({ range, messageId });
    };
    if (document.kind === 'kubernetes') {
      for (const { spec } of podContainers(document)) {
        for (const entry of items(at(spec, 'env'))) {
          const name = scalar(at(entry, 'name'));
          const value = at(entry, 'value');
          if (name && value) judge(name, scalar(value), value.range);
        }
      }
      return;
    }
    for (const service of composeServices(document)) {
      for (const variable of composeEnvironment(service.spec)) judge(variable.name, variable.value, variable.range);
    }
  },
});
