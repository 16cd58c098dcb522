import { stageChain } from '../../project/dockerfile';
import { l, projectRule } from '../../rule';

/**
 * Official base images whose only accounts are the distribution's system users: a `--chown` to
 * any other name needs a useradd/adduser in the Dockerfile first (python, debian, ubuntu, alpine,
 * and their slim/bookworm/... variants).
 */
const PLAIN_BASE = /^(docker\.io\/)?(library\/)?(python|debian|ubuntu|alpine)(:[^@]*)?(@\S+)?$/i;

/** System accounts of Debian, Ubuntu and Alpine images. */
const SYSTEM_USERS = new Set([
  'root',
  'daemon',
  'bin',
  'sys',
  'sync',
  'games',
  'man',
  'lp',
  'mail',
  'news',
  'uucp',
  'proxy',
  'www-data',
  'backup',
  'list',
  'irc',
  'gnats',
  'nobody',
  'nogroup',
  '_apt',
  'adm',
  'operator',
  'users',
  'staff',
  'tty',
  'disk',
  'wheel',
  'ftp',
  'cron',
  'shutdown',
  'halt',
  'postmaster',
  'guest',
  'utmp',
  'ping',
  'xfs',
  'ubuntu',
]);

/** `useradd app`, `adduser --system app`, `groupadd -r app`, `addgroup -S app`: the names a RUN creates. */
const CREATES = /\b(useradd|adduser|groupadd|addgroup)\b/;

export default projectRule({
  scope: 'project',
  id: 'copy-chown-unknown-user',
  language: 'yaml',
  category: 'reliability',
  severity: 'error',
  anchors: ['gap:copy-chown-unknown-user'],
  messages: {
    unknown: l(
      'COPY/ADD --chown이 사용자 "{user}"를 쓰지만 이 이미지({image})에는 그 사용자가 없고 Dockerfile도 만들지 않습니다: 빌드가 "unable to find user {user}"로 실패합니다',
      'COPY/ADD --chown names the user "{user}", which the image ({image}) does not have and the Dockerfile never creates: the build fails with "unable to find user {user}"',
    ),
  },
  docs: {
    summary: l(
      'python·debian·ubuntu·alpine 기반 단계에서 COPY/ADD --chown이 시스템 계정도 숫자 ID도 아니고, 그 단계(또는 FROM으로 이어진 앞 단계)의 RUN이 useradd/adduser/groupadd/addgroup으로 만들지도 않은 사용자나 그룹을 가리키는 경우를 찾습니다.',
      'Flags COPY/ADD --chown in a stage built on python, debian, ubuntu or alpine that names a user or group which is neither a system account nor a numeric id, and which no RUN of the stage (or of the stages it is built FROM) creates with useradd, adduser, groupadd or addgroup.',
    ),
    why: l(
      '예제 Dockerfile을 옮기면서 사용자를 만드는 RUN만 빠뜨리는 일이 흔합니다. 빌드는 그 COPY에서 멈추고, 사용자를 만들지 않았으니 USER로 바꾸려던 비루트 실행도 이루어지지 않습니다.',
      'It typically happens when an example Dockerfile is copied without the RUN that creates the user. The build stops at that COPY, and the non-root user the example meant to switch to never exists.',
    ),
    bad: '# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app:app . /app\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "main.py"]\n',
    good: '# --- Dockerfile ---\nFROM python:3.12-slim\n# TODO: 앱 전용 사용자와 그룹을 먼저 만드세요 (시스템 계정, 홈 디렉터리는 필요할까요?)\nRUN groupadd --system app && useradd --system --gid app app\nWORKDIR /app\nCOPY --chown=app:app . /app\nRUN pip install --no-cache-dir -r requirements.txt\nUSER app\nCMD ["python", "main.py"]\n',
  },
  weeks: ['beginner/3', 'intermediate/8'],
  questions: [
    l(
      '이 이미지의 /etc/passwd에 "{user}"가 있나요? 누가 언제 그 사용자를 만들어야 할까요?',
      'Is "{user}" in this image\'s /etc/passwd, and which instruction should create it, and when?',
    ),
    l(
      '파일 소유자를 "{user}"로 바꾼 다음 컨테이너는 실제로 어떤 사용자로 실행되나요? USER 지시어는 있나요?',
      'Once the files belong to "{user}", which user does the container actually run as? Is there a USER instruction?',
    ),
  ],
  scaffold: {
    ko: '# TODO: --chown 전에 사용자 만들기\n# 고려사항:\n# - groupadd/useradd (debian, ubuntu, python) 또는 addgroup/adduser (alpine)\n# - 시스템 계정(--system)과 고정 UID가 필요한가요?\n# - 마지막에 USER로 그 사용자로 바꾸나요?\n# RUN # TODO\n',
    en: '# TODO: create the user before --chown\n# Consider:\n# - groupadd/useradd (debian, ubuntu, python) or addgroup/adduser (alpine)\n# - a system account (--system) and a fixed UID?\n# - does a USER instruction switch to it at the end?\n# RUN # TODO\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile') continue;
      for (const stage of facts.stages) {
        const chain = stageChain(facts, stage);
        const base = chain[0].image;
        if (!PLAIN_BASE.test(base)) continue;
        const created = chain.flatMap((s) => s.runs.map((r) => r.text)).filter((text) => CREATES.test(text));
        for (const copy of stage.copies ?? []) {
          const owner = /(?:^|\s)--chown=(\S+)/.exec(copy.text)?.[1];
          if (!owner || owner.includes('$')) continue;
          const names = owner.split(':').filter((n) => n && !/^\d+$/.test(n) && !SYSTEM_USERS.has(n));
          const missing = names.find((name) => !created.some((text) => new RegExp(`(^|[\\s=:'"])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s;&|'"])`).test(text)));
          if (missing) context.report({ path, range: copy.range, messageId: 'unknown', data: { user: missing, image: base } });
        }
      }
    }
  },
});
