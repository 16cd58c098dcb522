import { copySources } from '../../project/copies';
import { dirname, joinDir } from '../../project/modules';
import type { FileFacts } from '../../project/facts';
import { l, projectRule } from '../../rule';

/** A source that is not a path in the build context: a URL or git source of ADD, a heredoc, a variable. */
const NOT_A_PATH = /^(<<|[a-z][a-z0-9+.-]*:\/\/|git@|\$)/i;

/** The build context folder compose gives a Dockerfile (`build: context: ..` + `dockerfile: backend/Dockerfile`), if any. */
function composeContexts(files: ReadonlyMap<string, FileFacts>): Map<string, string> {
  const contexts = new Map<string, string>();
  for (const [file, facts] of files) {
    if (facts.kind !== 'yaml') continue;
    for (const service of facts.compose) {
      if (!service.build) continue;
      const dir = joinDir(dirname(file), service.build.context.trim() || '.');
      const dockerfile = joinDir(dir, (service.build.dockerfile ?? 'Dockerfile').trim());
      if (!contexts.has(dockerfile)) contexts.set(dockerfile, dir);
    }
  }
  return contexts;
}

export default projectRule({
  scope: 'project',
  id: 'copy-outside-build-context',
  language: 'dockerfile',
  category: 'delivery',
  severity: 'warning',
  anchors: ['docker-docs:build-context'],
  messages: {
    outside: l(
      '{source}는 빌드 컨텍스트({context}) 밖을 가리킵니다: Docker는 컨텍스트 밖의 파일을 읽을 수 없어, 예전 빌더는 빌드가 실패하고 BuildKit은 말없이 컨텍스트 루트의 {clamped}를 대신 읽습니다',
      '{source} points outside the build context ({context}): Docker cannot read files there, so the classic builder fails and BuildKit silently reads {clamped} at the context root instead',
    ),
    outsideWhole: l(
      '{source}는 빌드 컨텍스트({context}) 밖을 가리킵니다: Docker는 컨텍스트 밖의 파일을 읽을 수 없어, 예전 빌더는 빌드가 실패하고 BuildKit은 말없이 컨텍스트 전체를 대신 복사합니다',
      '{source} points outside the build context ({context}): Docker cannot read files there, so the classic builder fails and BuildKit silently copies the whole context instead',
    ),
  },
  severityReasons: {
    sameFile: {
      severity: 'info',
      message: l(
        '컨텍스트가 Dockerfile의 상위 폴더라서 BuildKit은 우연히 이 경로가 뜻하는 파일을 읽습니다: 예전 빌더와 Dockerfile을 읽는 사람에게는 여전히 컨텍스트 밖의 경로입니다',
        'the context is the folder above the Dockerfile, so BuildKit happens to read the file this path means; the classic builder, and anyone reading the Dockerfile, still see a path outside the context',
      ),
    },
  },
  docs: {
    summary: l(
      'COPY/ADD의 원본 경로가 `..`으로 빌드 컨텍스트 밖을 가리키는 Dockerfile을 찾습니다 (원본 `../requirements.txt`나 `..`). compose의 `build: context:`가 이 Dockerfile을 빌드하면 그 컨텍스트를 기준으로 말합니다. 다른 단계나 이미지에서 복사하는 `--from=`, URL·git 원본은 제외합니다.',
      'Flags COPY/ADD sources that climb out of the build context with `..` (a `../requirements.txt` or `..` source). When a compose `build: context:` builds this Dockerfile, the message names that context. Copies `--from=` another stage or image, and URL or git sources, are skipped.',
    ),
    why: l(
      'COPY의 원본은 Dockerfile이 있는 폴더가 아니라 빌드 컨텍스트를 기준으로 읽히고, 컨텍스트 밖은 빌더에 전달되지도 않습니다. 예전 빌더는 "forbidden path outside the build context"로 실패하고, BuildKit은 `..`을 컨텍스트 루트로 잘라 다른 파일을 읽거나 "not found"로 실패합니다. 개발 중에는 compose의 소스 마운트가 이를 가려서, CI나 서버에서 처음 빌드할 때에야 드러납니다.',
      'Docker reads the files a Dockerfile copies from the build context, not from the folder the Dockerfile sits in, and nothing outside the context is even sent to the builder. The classic builder refuses the path; BuildKit cuts the climb off at the context root and reads some other file, or fails with "not found". A compose source mount often hides it on the laptop, so it surfaces on the first clean build in CI or on a server.',
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY ../requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\n# TODO: requirements.txt가 컨텍스트 안에 있으려면 compose의 build context와 dockerfile을 어떻게 정해야 할까요?\n# COPY <컨텍스트 기준 경로> .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n',
  },
  weeks: ['beginner/3'],
  questions: [
    l(
      '이 이미지를 빌드할 때 빌드 컨텍스트는 어느 폴더인가요? {source}는 그 폴더 기준으로 어디를 가리키나요?',
      'Which folder is the build context when this image is built, and where does {source} point relative to it?',
    ),
    l(
      '코드 폴더를 마운트하지 않은 깨끗한 CI 머신에서 이 이미지를 빌드하면 무엇이 이미지에 들어가나요?',
      'If a clean CI machine builds this image with no source folder mounted, what ends up in the image?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 빌드에 필요한 파일이 모두 빌드 컨텍스트 안에 있게 하기\n# 고려사항:\n# - 모든 COPY 원본이 안에 들어가려면 컨텍스트는 어느 폴더여야 하나요?\n# - compose에서 그 폴더와 Dockerfile의 위치는 각각 어디에 적나요?\n# - .dockerignore로 컨텍스트를 작게 유지하기\n# COPY # TODO: 컨텍스트 기준 경로\n',
    en: '# TODO: keep every file the build needs inside the build context\n# Consider:\n# - which folder must the context be for every COPY source to sit inside it?\n# - where does compose name that folder, and where the Dockerfile?\n# - keep the context small with .dockerignore\n# COPY # TODO: a path relative to the context\n',
  },
  project(context) {
    const files = context.view.files;
    let contexts: Map<string, string> | undefined;
    for (const [path, facts] of files) {
      if (facts.kind !== 'dockerfile') continue;
      for (const stage of facts.stages) {
        for (const copy of stage.copies ?? []) {
          const { sources, fromStage } = copySources(copy);
          if (fromStage) continue;
          const source = sources.find((s) => !NOT_A_PATH.test(s) && !s.startsWith('/') && joinDir('', s).split('/')[0] === '..');
          if (!source) continue;
          contexts ??= composeContexts(files);
          const dir = contexts.get(path) ?? dirname(path);
          const clamped = clampedPath(source);
          const label = `${dir.split('/').pop() || '.'}/`;
          // What the author meant (the path read from the Dockerfile's folder) is what BuildKit reads.
          const sameFile = joinDir(dirname(path), source) === joinDir(dir, clamped);
          context.report({
            path,
            range: copy.range,
            messageId: clamped ? 'outside' : 'outsideWhole',
            data: { source, context: label, clamped },
            ...(sameFile ? { severityReason: 'sameFile' } : {}),
          });
        }
      }
    }
  },
});

/** The path BuildKit reads for a source that climbs out of the context: the leading `..` dropped. */
function clampedPath(source: string): string {
  return joinDir('', source)
    .split('/')
    .filter((part) => part !== '..')
    .join('/');
}
