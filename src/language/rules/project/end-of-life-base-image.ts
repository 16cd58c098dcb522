import { repository } from '../../yaml/images';
import { baseImage, finalStage } from '../../project/dockerfile';
import { l, projectRule } from '../../rule';
import { PYTHON_EOL } from '../../runtimes';

/** End-of-life dates of the runtimes and distributions ML images are built on (upstream EOL, as published). */
const DEBIAN_EOL: Readonly<Record<string, string>> = {
  wheezy: '2018-05',
  jessie: '2020-06',
  stretch: '2022-06',
  buster: '2024-06',
  '7': '2018-05',
  '8': '2020-06',
  '9': '2022-06',
  '10': '2024-06',
};
const UBUNTU_EOL: Readonly<Record<string, string>> = {
  '20.04': '2025-05',
  focal: '2025-05',
  '14.04': '2019-04',
  trusty: '2019-04',
  '16.04': '2021-04',
  xenial: '2021-04',
  '18.04': '2023-05',
  bionic: '2023-05',
};
const NODE_EOL: Readonly<Record<number, string>> = {
  18: '2025-04',
  17: '2022-06',
  16: '2023-09',
  15: '2021-06',
  14: '2023-04',
  13: '2020-06',
  12: '2022-04',
  11: '2019-06',
  10: '2021-04',
};

export default projectRule({
  scope: 'project',
  id: 'end-of-life-base-image',
  language: 'dockerfile',
  category: 'security',
  severity: 'warning',
  anchors: ['gap:eol-base-image'],
  messages: {
    eol: l(
      '기반 이미지 {image}의 {runtime}은(는) {date}에 지원이 끝나 보안 업데이트를 받지 못합니다',
      'The base image {image} runs {runtime}, which reached end of life in {date} and gets no security fixes',
    ),
  },
  docs: {
    summary: l(
      '실행 단계의 기반 이미지가 지원 종료된 Python(2.x, 3.9 이하), Debian(buster 이하), Ubuntu(20.04 이하), Node(18 이하), CentOS인 Dockerfile을 찾습니다.',
      'Flags Dockerfiles whose runtime base image is an end-of-life Python (2.x, 3.9 and older), Debian (buster and older), Ubuntu (20.04 and older), Node (18 and older) or CentOS.',
    ),
    why: l(
      '지원이 끝난 런타임과 배포판에는 새로 발견된 취약점 패치가 나오지 않습니다. 라이브러리들도 곧 그 버전을 버려서, 의존성을 올릴 수 없는 서비스가 됩니다.',
      'End-of-life runtimes and distributions get no fixes for newly found vulnerabilities, and libraries soon drop them too, leaving a service whose dependencies can no longer be upgraded.',
    ),
    bad: 'FROM python:3.7-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["python", "app.py"]\n',
    good: '# TODO: 새 버전으로 올릴 때 무엇을 테스트해야 할까요?\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["python", "app.py"]\n',
  },
  weeks: ['advanced/4', 'beginner/3'],
  questions: [
    l('이 이미지의 Python(또는 OS)에 새 취약점이 발견되면 누가 패치를 만들어 주나요?', "If a new vulnerability is found in this image's Python (or OS), who will ship the fix?"),
    l(
      '기반 이미지 버전을 올릴 때 무엇이 깨질 수 있고, 그것을 어떻게 미리 확인할 수 있을까요?',
      'What could break when you upgrade the base image, and how would you find out before production does?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 지원되는 기반 이미지로 올리기\n# 고려사항:\n# - 의존성(특히 numpy/torch 휠)이 새 Python 버전을 지원하나요?\n# - 버전을 태그로 고정하고, 주기적으로 올리는 방법은?\n# TODO: FROM을 지원 중인 버전으로 바꾸고 테스트를 돌려 보세요\n',
    en: '# TODO: move to a supported base image\n# Consider:\n# - do your dependencies (numpy/torch wheels) support the newer Python?\n# - how will the version stay pinned and still get upgraded regularly?\n# TODO: change FROM to a supported version and run the tests\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile') continue;
      const stage = finalStage(facts);
      if (!stage) continue;
      const base = baseImage(facts, stage);
      const eol = endOfLife(base.image);
      if (eol) context.report({ path, range: base.range, messageId: 'eol', data: { image: base.image, runtime: eol.runtime, date: eol.date } });
    }
  },
});

function endOfLife(image: string): { runtime: string; date: string } | undefined {
  const repo = repository(image);
  const tag = image.slice(repo.length + 1).split('@')[0];
  if (!tag || tag.includes('$')) return undefined;
  const name = repo.slice(repo.lastIndexOf('/') + 1).toLowerCase();
  const codename = /(?:^|-)(wheezy|jessie|stretch|buster)(?:-|$)/.exec(tag)?.[1];
  if (name === 'python') {
    const version = /^(\d+)(?:\.(\d+))?/.exec(tag);
    const key = version ? (version[1] === '2' ? '2' : `${version[1]}.${version[2] ?? ''}`) : undefined;
    if (key && PYTHON_EOL[key]) return { runtime: `Python ${key === '2' ? '2' : key}`, date: PYTHON_EOL[key] };
  }
  if (name === 'debian' && DEBIAN_EOL[tag.split(/[-.]/)[0]]) return { runtime: `Debian ${tag.split(/[-.]/)[0]}`, date: DEBIAN_EOL[tag.split(/[-.]/)[0]] };
  if (name === 'ubuntu' && UBUNTU_EOL[tag.split('-')[0]]) return { runtime: `Ubuntu ${tag.split('-')[0]}`, date: UBUNTU_EOL[tag.split('-')[0]] };
  if (name === 'node') {
    const major = Number(/^(\d+)/.exec(tag)?.[1]);
    if (major && major <= 18) return { runtime: `Node.js ${major}`, date: NODE_EOL[major] ?? '2019' };
  }
  if (name === 'centos') return { runtime: `CentOS ${tag}`, date: /^8/.test(tag) ? '2021-12' : '2024-06' };
  if (codename) return { runtime: `Debian ${codename}`, date: DEBIAN_EOL[codename] };
  return undefined;
}
