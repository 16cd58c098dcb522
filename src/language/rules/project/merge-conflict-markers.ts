import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'merge-conflict-markers',
  language: 'yaml',
  category: 'delivery',
  severity: 'error',
  anchors: ['pre-commit-hooks:check-merge-conflict'],
  messages: {
    conflict: l(
      '병합 충돌 표시(<<<<<<< ... ======= ... >>>>>>>)가 파일에 남아 있습니다{more}; 이 파일은 그대로는 실행되거나 읽히지 않습니다',
      'A merge conflict (<<<<<<< ... ======= ... >>>>>>>) was left in this file{more}; as it stands the file does not run or parse',
    ),
  },
  docs: {
    summary: l(
      'Python, YAML, Dockerfile, requirements, 스크립트 파일에 남은 병합 충돌 표시(<<<<<<<, =======, >>>>>>> 순서)를 파일마다 한 번 찾습니다. 홀로 있는 ======= 줄(문서의 밑줄)은 제외합니다.',
      'Flags, once per file, merge-conflict markers (<<<<<<<, =======, >>>>>>> in that order) left in Python, YAML, Dockerfile, requirements and script files. A lone ======= line (an underline in a docstring) is fine.',
    ),
    why: l(
      '충돌 표시가 남은 매니페스트나 워크플로는 파싱되지 않아 배포가 멈추고, requirements에 남으면 이미지 빌드가 실패합니다. 더 나쁜 경우는 두 버전이 모두 남아 어느 쪽이 실행되는지 아무도 모르는 것입니다. 이것이 main에 들어왔다면, 머지 전에 아무 검사도 돌지 않았다는 뜻이기도 합니다.',
      'A manifest or workflow with conflict markers does not parse, so the deploy stops; in requirements it breaks the image build. Worse, both versions stay in the file and nobody knows which one runs. That it reached the branch at all means no check ran before the merge.',
    ),
    bad: '# --- requirements.txt ---\nfastapi==0.115.0\n<<<<<<< HEAD\nscikit-learn==1.5.2\n=======\nscikit-learn==1.4.0\n>>>>>>> feature/retrain\n',
    good: '# --- requirements.txt ---\nfastapi==0.115.0\n# TODO: 두 브랜치 중 어느 버전으로 모델을 학습했나요? 그 버전 하나만 남기세요\nscikit-learn==1.5.2\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      '두 버전 중 어느 쪽이 맞나요? 그걸 확인하려면 누구에게, 또는 어떤 테스트에 물어봐야 하나요?',
      'Which of the two versions is right, and whom (or which test) would you ask to be sure?',
    ),
    l(
      '이 파일이 충돌 표시가 남은 채로 브랜치에 들어왔습니다. 머지 전에 어떤 검사가 돌았다면 막을 수 있었을까요?',
      'This file reached the branch with conflict markers in it. Which check, run before the merge, would have stopped it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 병합 충돌 해결\n# 고려사항:\n# - 양쪽 변경 중 무엇을 남기고, 둘을 합쳐야 하나요?\n# - 해결한 뒤 어떤 테스트로 확인할까요?\n# - pre-commit의 check-merge-conflict나 CI의 파싱 검사로 다음에는 막을 수 있을까요?\n',
    en: '# TODO: resolve the merge conflict\n# Consider:\n# - which side of the change stays, or do the two need combining?\n# - which test confirms the resolution?\n# - could pre-commit check-merge-conflict or a parse check in CI stop this next time?\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      const [first, ...rest] = facts.conflictMarkers ?? [];
      if (first === undefined) continue;
      const more = rest.length > 0 ? ` (+${rest.length})` : '';
      context.report({ path, range: { start: { line: first, column: 0 }, end: { line: first, column: 7 } }, messageId: 'conflict', data: { more } });
    }
  },
});
