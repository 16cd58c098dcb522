import { l, yamlRule } from '../../rule';
import { at, entry, items, scalar } from '../../yaml/model';

/** A production target, by the app's name, its destination namespace or the values it renders. */
const PRODUCTION = /(^|[^a-z])(prod|production|prd|live)([^a-z]|$)/i;
/** Revisions that move with every merge: HEAD, the default branch names, or nothing (Argo CD's default is HEAD). */
const MOVING = /^(HEAD|main|master|trunk|develop)$/;

export default yamlRule({
  id: 'production-tracks-branch-head',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    head: l(
      '운영용 Argo CD 애플리케이션 "{name}"이 {revision}을 따라갑니다; 기본 브랜치에 합쳐진 변경이 검증 단계 없이 바로 운영에 동기화됩니다',
      'The production Argo CD application "{name}" tracks {revision}: every change merged to the default branch syncs straight to production, with no step between staging and a release',
    ),
  },
  docs: {
    summary: l(
      '이름·대상 네임스페이스·values 파일로 보아 운영용인 Argo CD Application이 targetRevision으로 HEAD나 기본 브랜치(또는 기본값)를 쓰는 경우를 찾습니다.',
      'Flags Argo CD Applications that are for production (by their name, destination namespace or values file) and whose targetRevision is HEAD, a default branch, or left at the default.',
    ),
    why: l(
      '스테이징과 운영이 같은 브랜치의 HEAD를 따라가면, 스테이징에서 확인하기도 전에 같은 변경이 운영에 반영됩니다. 운영을 태그나 릴리스 브랜치에 고정하면 무엇이 언제 운영에 나갔는지 알 수 있고 되돌리기도 쉽습니다.',
      'When staging and production both follow the head of the same branch, a change reaches production before anyone has looked at it in staging. Pinning production to a tag or a release branch says what went out when, and makes a rollback one change.',
    ),
    bad: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api-prod\nspec:\n  source:\n    repoURL: https://github.com/acme/deploy\n    path: helm\n    targetRevision: HEAD\n  destination:\n    namespace: prod\n',
    good: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api-prod\nspec:\n  source:\n    repoURL: https://github.com/acme/deploy\n    path: helm\n    # TODO: 운영에는 어떤 버전(태그, 릴리스 브랜치)이 나가야 하나요?\n    targetRevision: v1.4.2\n  destination:\n    namespace: prod\n',
  },
  weeks: ['advanced/7'],
  questions: [
    l('기본 브랜치에 합쳐진 변경이 운영에 나가기 전에 누가, 어디서 확인하나요?', 'Before a change merged to the default branch reaches production, who looks at it, and where?'),
    l('운영에서 문제가 생기면 어느 커밋으로 되돌려야 하는지 어떻게 알 수 있나요?', 'If production breaks, how do you know which commit to go back to?'),
  ],
  scaffold: {
    ko: '# TODO: 운영 배포 버전을 고정하기\n# 고려사항:\n# - 스테이징에서 확인한 버전을 운영으로 올리는 단계는 무엇인가요?\n# - 태그와 릴리스 브랜치 중 어느 쪽이 이 팀에 맞나요?\n# targetRevision: # TODO\n',
    en: '# TODO: pin what production runs\n# Consider:\n# - what step promotes the version checked in staging to production?\n# - does a tag or a release branch suit this team better?\n# targetRevision: # TODO\n',
  },
  check(context, document) {
    const root = document.root;
    if (!/^argoproj\.io\//.test(scalar(at(root, 'apiVersion')) ?? '') || scalar(at(root, 'kind')) !== 'Application') return;
    const name = scalar(at(root, 'metadata.name')) ?? '';
    const valueFiles = items(at(root, 'spec.source.helm.valueFiles')).map((node) => scalar(node) ?? '');
    const markers = [name, scalar(at(root, 'spec.destination.namespace')) ?? '', ...valueFiles];
    if (!markers.some((marker) => PRODUCTION.test(marker))) return;
    const source = entry(at(root, 'spec'), 'source');
    if (!source?.value || source.value.kind !== 'map') return;
    const revision = entry(source.value, 'targetRevision');
    const value = revision ? scalar(revision.value) : 'HEAD';
    if (value === undefined || !MOVING.test(value)) return;
    context.report({ range: revision?.value?.range ?? source.keyRange, messageId: 'head', data: { name: name || 'application', revision: value } });
  },
});
