import type { Node } from 'web-tree-sitter';
import { isSilent, returnsErrorValue } from '../../python/errors';
import { l, pythonRule } from '../../rule';

const BLIND = /(^|[(,\s])(builtins\.)?(Exception|BaseException)\s*($|[),])/;

export default pythonRule({
  id: 'swallowed-exception',
  language: 'python',
  local: 'statement',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['BLE001', 'E722', 'B110', 'B112', 'W0718', 'W0702'],
  messages: {
    swallowed: l(
      '{what}를 잡은 뒤 아무것도 하지 않습니다 — 오류가 기록되지도, 다시 던져지지도 않습니다',
      '{what} is caught and then ignored — the error is neither logged nor re-raised',
    ),
  },
  docs: {
    summary: l(
      '모든 예외(bare except, Exception, BaseException)를 잡고 로그도 재발생도 없이 넘어가는 except 블록을 찾습니다.',
      'Flags except blocks that catch everything (bare, Exception, BaseException) and neither log nor re-raise.',
    ),
    why: l(
      '조용히 삼킨 오류는 장애를 숨깁니다. 모델이 잘못된 값을 돌려줘도 로그도 메트릭도 남지 않아, 원인을 찾는 데 몇 시간이 걸립니다.',
      'Silently swallowed errors hide incidents. The service keeps answering with wrong values and leaves no log or metric to trace the cause.',
    ),
    bad: 'def load_features(path):\n    try:\n        return open(path).read()\n    except Exception:\n        pass\n',
    good: "import logging\n\nlogger = logging.getLogger(__name__)\n\ndef load_features(path):\n    try:\n        return open(path).read()\n    except OSError:\n        # TODO: 호출한 쪽은 이 실패를 어떻게 알아야 할까요?\n        logger.exception('could not read %s', path)\n        raise\n",
  },
  weeks: ['beginner/6', 'intermediate/6'],
  questions: [
    l('이 except 블록이 실행되었다는 사실을 운영 중에 어떻게 알 수 있을까요?', 'While this runs in production, how would you know this except block was ever hit?'),
    l(
      '여기서 정말 예상하는 예외는 어떤 것들인가요? 예상하지 못한 예외도 똑같이 처리해도 될까요?',
      'Which exceptions do you actually expect here? Should unexpected ones be treated the same way?',
    ),
    l('이 오류를 호출한 쪽(클라이언트, 파이프라인)은 어떻게 알아야 할까요?', 'How should the caller (a client, a pipeline) learn about this error?'),
  ],
  scaffold: {
    ko: '# TODO: 예외 처리 방침 정하기\n# 고려사항:\n# - 여기서 예상하는 예외 타입은 무엇인가요? (너무 넓게 잡고 있지 않나요?)\n# - 로그에 남길 정보는? (logger.exception은 스택 트레이스를 함께 남깁니다)\n# - 복구할 수 없다면 다시 raise 해야 하지 않을까요?\n# TODO: 구체적인 예외 타입으로 좁히고, 기록하거나 다시 던지기\n',
    en: '# TODO: decide how this error is handled\n# Consider:\n# - which exception types do you expect? (is the net too wide?)\n# - what should the log say? (logger.exception keeps the traceback)\n# - if you cannot recover, should it be re-raised?\n# TODO: narrow the exception type, then log or re-raise\n',
  },
  check(context) {
    const { model } = context;
    for (const clause of model.excepts) {
      // Read the clause as text: the header gives the caught type, the body lines tell silence.
      const text = model.source.slice(clause.startIndex, clause.endIndex);
      const header = /^except\b\*?\s*([^:]*?)\s*(?:\bas\s+\w+\s*)?:/.exec(text);
      if (!header) continue;
      const type = header[1] === '' ? undefined : header[1];
      if (type !== undefined && !BLIND.test(type)) continue;
      const body = text.slice(header[0].length);
      const silent = isSilent(body) || (returnsErrorValue(body) && !model.enclosingHandler(clause));
      if (!silent || isImportGuard(clause)) continue;
      context.report({ node: clause.child(0) ?? clause, messageId: 'swallowed', data: { what: type ?? 'bare except' } });
    }
  },
});

/** `try: import x / except Exception: x = None` keeps an optional dependency optional. */
function isImportGuard(clause: Node): boolean {
  const tryBody = clause.parent?.type === 'try_statement' ? clause.parent.childForFieldName('body') : undefined;
  const statements = tryBody?.namedChildren.filter((s) => s && s.type !== 'comment') ?? [];
  return statements.length > 0 && statements.every((s) => s?.type === 'import_statement' || s?.type === 'import_from_statement');
}
