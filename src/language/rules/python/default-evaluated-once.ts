import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

/** Calls whose value differs on every call: clocks, random ids and random draws (not seeding or building a generator). */
const VOLATILE = [
  /^(?:datetime\.)?(?:datetime|date)\.(?:now|utcnow|today)$/,
  /^(?:pendulum|arrow|pandas\.Timestamp|django\.utils\.timezone)\.(?:now|utcnow|today)$/,
  /^time\.(?:time|time_ns|monotonic|perf_counter)$/,
  /^uuid\.uuid[14]$/,
  /^(?:numpy\.)?random\.(?!seed$|Random$|SystemRandom$|default_rng$|RandomState$|Generator$|get_state$|set_state$)[a-z_]+$/,
  /^(?:secrets\.token_\w+|os\.urandom)$/,
];
/** Field declarations whose `default=` is the value every row or instance gets: SQLAlchemy, SQLModel/pydantic, dataclasses, Django, ODMs. */
const FIELD = /(?:^|\.)(?:[A-Za-z]*Field|field|Column|mapped_column)$/;
const FIELD_DEFAULT = new Set(['default', 'onupdate', 'insert_default']);
/** A mutable literal or empty constructor used as a parameter default. */
const MUTABLE = /^(?:\[[^]*\]|\{[^]*\}|(?:list|dict|set|collections\.defaultdict|defaultdict)\([^]*\))$/;
const MUTATING = 'append|extend|insert|update|add|setdefault|pop|popitem|remove|clear|discard|sort';

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text.replace(/\s+/g, ' '));
const escape = (name: string) => name.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');

const CLI_OPTION = /(?:^|\.)(?:Option|Argument|option|argument)$/;

/**
 * A class whose annotated attributes are per-object fields: a dataclass or attrs class, or one with a base
 * (pydantic, SQLModel, ORM models). Settings classes are built once per process, and a plain class's
 * attributes are class constants, so their import-time value is the one meant.
 */
function declaresFields(definition: Node): boolean {
  const decorators = definition.parent?.type === 'decorated_definition' ? definition.parent.text.slice(0, definition.startIndex - definition.parent.startIndex) : '';
  if (/\b(?:dataclass|attr\.s|attrs|define|frozen)\b/.test(decorators)) return true;
  const bases = definition.childForFieldName('superclasses')?.text ?? '';
  return bases !== '' && bases !== '()' && !/Settings|Enum|\bobject\b|Exception|Error/.test(bases);
}

/** Inside a function, a def or class statement runs at every call of the enclosing function, so its defaults are not import-time values. */
function nested(node: Node): boolean {
  for (let at = node.parent; at; at = at.parent) if (at.type === 'function_definition' || at.type === 'lambda') return true;
  return false;
}

/** The place a volatile call's value is kept once: a parameter default, a field default, an annotated class attribute. */
function heldOnce(call: Node): { node: Node; kind: 'callDefault' | 'fieldDefault' } | undefined {
  for (let child = call, at = call.parent; at; child = at, at = at.parent) {
    // A command-line option's default is read once per run, which is when the value is wanted (`typer.Option`, `click.Argument`).
    if (at.type === 'call' && CLI_OPTION.test(at.childForFieldName('function')?.text ?? '')) return undefined;
    if (at.type === 'lambda' || at.type === 'block' || at.type === 'module' || at.type === 'decorator') return undefined;
    if ((at.type === 'default_parameter' || at.type === 'typed_default_parameter') && at.childForFieldName('value')?.id === child.id) {
      const definition = at.parent?.parent;
      return definition && !nested(definition) ? { node: child, kind: 'callDefault' } : undefined;
    }
    if (at.type === 'keyword_argument' && FIELD_DEFAULT.has(at.childForFieldName('name')?.text ?? '')) {
      const owner = at.parent?.parent;
      const name = owner?.type === 'call' ? owner.childForFieldName('function')?.text : undefined;
      if (name && FIELD.test(name) && !nested(at)) return { node: child, kind: 'fieldDefault' };
      return undefined;
    }
    if (at.type === 'assignment' && at.childForFieldName('type') && at.childForFieldName('right')?.id === child.id) {
      const owner = at.parent?.type === 'expression_statement' && at.parent.parent?.type === 'block' ? at.parent.parent.parent : undefined;
      return owner?.type === 'class_definition' && declaresFields(owner) && !nested(owner) ? { node: child, kind: 'fieldDefault' } : undefined;
    }
  }
  return undefined;
}

export default pythonRule({
  id: 'default-evaluated-once',
  language: 'python',
  // Each default is judged by its own definition (its parameters, body, decorators and bases) and the
  // call's resolved name: all inside one top-level statement, with the imports of the file-wide facts.
  local: 'statement',
  category: 'reliability',
  severity: 'warning',
  anchors: ['ruff:B008', 'ruff:B006', 'ruff:RUF009'],
  messages: {
    callDefault: l(
      '기본값 {value}는 함수가 정의될 때(import 시점) 한 번만 계산됩니다 — 이후 모든 호출이 같은 값을 받습니다',
      'The default {value} is computed once, when the function is defined at import — every later call gets that same value',
    ),
    fieldDefault: l(
      '필드 기본값 {value}는 클래스가 정의될 때 한 번만 계산됩니다 — 모든 행과 객체가 서버 시작 시각(또는 같은 id)을 받습니다. 호출하지 않은 함수나 default_factory를 넘기세요',
      'The field default {value} is computed once, when the class is defined — every row and object gets the start-up time (or the same id); pass the function uncalled or use default_factory',
    ),
    mutableDefault: l(
      "'{name}'의 기본값 {value}는 모든 호출이 함께 쓰는 하나의 객체인데 함수가 그것을 바꿉니다 — 이전 호출(다른 요청)의 값이 다음 호출에 남습니다",
      "The default {value} of '{name}' is one object shared by every call, and the function changes it — values from an earlier call (another request) stay for the next",
    ),
  },
  docs: {
    summary: l(
      '정의될 때 한 번만 계산되는 기본값을 찾습니다: 함수 인자·SQLAlchemy/pydantic/dataclass 필드 기본값에 쓴 datetime.now(), time.time(), uuid4(), random 호출, 그리고 함수 안에서 바뀌는 가변 기본값([] , {}).',
      'Flags defaults computed once, at definition: datetime.now(), time.time(), uuid4() or random calls in function parameter defaults and in SQLAlchemy/pydantic/dataclass field defaults, and mutable defaults ([], {}) that the function changes.',
    ),
    why: l(
      '파이썬은 기본값 식을 def나 class 문이 실행될 때 한 번만 계산합니다. Column(DateTime, default=datetime.now())는 모든 행에 서버가 시작한 시각을 기록하고, 로그 시각과 요청 id도 모두 같아져 모니터링과 감사 기록이 틀어집니다. 함수가 바꾸는 [] 기본값은 요청 사이에 공유되어 한 사용자의 값이 다른 사용자의 응답에 섞입니다. 호출하지 않은 함수(default=datetime.now), default_factory, server_default=func.now(), 또는 None 기본값이 매번 새 값을 줍니다.',
      "Python evaluates a default expression once, when the def or class statement runs. Column(DateTime, default=datetime.now()) stamps every row with the time the server started; log times and request ids all come out the same, and monitoring and audit records are wrong. A [] default that the function changes is shared between requests, so one user's values leak into another's response. An uncalled function (default=datetime.now), default_factory, server_default=func.now() or a None default gives a fresh value every time.",
    ),
    bad: 'from datetime import datetime\n\nfrom sqlalchemy import Column, DateTime, Integer\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\nclass Prediction(Base):\n    __tablename__ = "predictions"\n    id = Column(Integer, primary_key=True)\n    created_at = Column(DateTime, default=datetime.utcnow())\n',
    good: 'from datetime import datetime\n\nfrom sqlalchemy import Column, DateTime, Integer\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\n\nclass Prediction(Base):\n    __tablename__ = "predictions"\n    id = Column(Integer, primary_key=True)\n    # TODO: 시각은 언제 계산되어야 하나요? 행을 넣을 때마다?\n    created_at = Column(DateTime, default=datetime.utcnow)\n',
  },
  weeks: ['beginner/5', 'beginner/6'],
  questions: [
    l(
      '서버가 월요일에 시작해 금요일에 이 행을 저장한다면, 기본값으로 들어가는 시각은 언제인가요?',
      'If the server started on Monday and saves this row on Friday, what time does the default put in it?',
    ),
    l(
      '이 기본값 식은 정확히 몇 번 실행되나요? 매번 새 값이 필요하다면 무엇을 넘겨야 할까요?',
      'How many times exactly does this default expression run? If you need a fresh value each time, what should you pass instead?',
    ),
    l(
      '두 요청이 이 함수를 연달아 부르면, 두 번째 요청은 첫 번째 요청이 남긴 무엇을 보게 되나요?',
      'When two requests call this function one after the other, what does the second see of what the first left behind?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 매번 새로 계산되는 기본값\n# 고려사항:\n# - 필드: default=datetime.utcnow (호출하지 않은 함수), Field(default_factory=...), server_default=func.now()\n# - 함수 인자: 기본값을 None으로 두고 함수 안에서 계산하기\n# - 가변 기본값: items=None 후 items = [] if items is None else items\n',
    en: '# TODO: a default computed fresh every time\n# Consider:\n# - fields: default=datetime.utcnow (the function, uncalled), Field(default_factory=...), server_default=func.now()\n# - parameters: default to None and compute the value inside the function\n# - mutable defaults: items=None, then items = [] if items is None else items\n',
  },
  check(context) {
    const { model } = context;
    for (const call of model.callsNamed(VOLATILE)) {
      const held = heldOnce(call.node);
      if (held) context.report({ node: held.node, messageId: held.kind, data: { value: short(held.node.text) } });
    }
    for (const fn of model.functions) {
      const body = fn.childForFieldName('body');
      if (!body || nested(fn)) continue;
      for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
        if (parameter?.type !== 'default_parameter' && parameter?.type !== 'typed_default_parameter') continue;
        const value = parameter.childForFieldName('value');
        const name = parameter.childForFieldName('name')?.text;
        if (!value || !name || !/^\w+$/.test(name) || !MUTABLE.test(value.text)) continue;
        const text = body.text;
        // Rebinding the name first (`items = list(items)`, `items = items or []`) gives each call its own object.
        if (new RegExp(`^[ \\t]*${escape(name)}[ \\t]*=(?!=)`, 'm').test(text)) continue;
        const mutated = new RegExp(`(?<![\\w.])${escape(name)}(?:\\.(?:${MUTATING})\\(|\\[[^[\\]\\n]*\\][ \\t]*=(?!=)|[ \\t]*(?:\\+|\\|)=)`);
        if (mutated.test(text)) context.report({ node: value, messageId: 'mutableDefault', data: { name, value: short(value.text) } });
      }
    }
  },
});
