import { keywordArgument, positionalArguments } from '../../python/model';
import { l, pythonRule } from '../../rule';

const SAFE_LOADERS = /(^|\.)(SafeLoader|CSafeLoader|BaseLoader|CBaseLoader)$/;

export default pythonRule({
  id: 'unsafe-yaml-load',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'error',
  anchors: ['B506', 'S506', 'CWE-502'],
  messages: {
    load: l(
      '{callee}가 안전한 Loader 없이 호출됩니다 — YAML 태그로 파이썬 객체를 만들 수 있습니다',
      '{callee} is called without a safe Loader — YAML tags can build Python objects',
    ),
    unsafe: l('{callee}는 YAML에서 임의의 파이썬 객체를 만듭니다', '{callee} builds arbitrary Python objects from YAML'),
  },
  docs: {
    summary: l('SafeLoader 없는 yaml.load/load_all과 yaml.unsafe_load를 찾습니다.', 'Flags yaml.load/load_all without SafeLoader, and yaml.unsafe_load.'),
    why: l(
      'PyYAML의 전체 로더는 !!python/object 같은 태그로 객체를 만들고 함수를 호출합니다. 설정 파일이나 업로드된 YAML 하나로 서버에서 코드가 실행될 수 있습니다.',
      "PyYAML's full loaders build objects and call functions from tags such as !!python/object. One crafted config or uploaded YAML can run code on the server.",
    ),
    bad: "import yaml\n\nwith open('config.yaml') as f:\n    config = yaml.load(f, Loader=yaml.Loader)\n",
    good: "import yaml\n\n# TODO: 설정의 스키마는 어디서 검증할까요?\nwith open('config.yaml') as f:\n    config = yaml.safe_load(f)\n",
  },
  weeks: ['intermediate/5'],
  questions: [
    l('이 YAML 파일은 누가 쓸 수 있나요? 그 사람이 !!python/object 태그를 넣는다면요?', 'Who can write this YAML file, and what if they add a !!python/object tag?'),
    l('설정 파일에 파이썬 객체가 필요한가요, 아니면 문자열·숫자·리스트로 충분한가요?', 'Does the config need Python objects, or are strings, numbers and lists enough?'),
  ],
  scaffold: {
    ko: '# TODO: YAML을 안전하게 읽기\n# 고려사항:\n# - 데이터만 필요하다면 safe_load로 충분한가요?\n# - 읽은 뒤 필수 키와 타입은 어떻게 검증할까요?\n# TODO: 안전한 로더 선택\n',
    en: '# TODO: read YAML safely\n# Consider:\n# - if you only need data, is safe_load enough?\n# - how do you validate required keys and types after loading?\n# TODO: choose a safe loader\n',
  },
  callees: ['yaml.load', 'yaml.load_all', 'yaml.unsafe_load', 'yaml.unsafe_load_all'],
  check(context) {
    const { imports } = context.model;
    for (const { node, callee } of context.calls) {
      // `yaml.load(f)` where `yaml` is no import is some other object's load: a ruamel.yaml
      // `yaml = YAML(typ="safe")`, a project wrapper. Only PyYAML's own functions build objects from tags.
      const head = /^[A-Za-z_]\w*/.exec(node.childForFieldName('function')?.text ?? '')?.[0];
      if (head === undefined || !imports.has(head)) continue;
      if (callee === 'yaml.unsafe_load' || callee === 'yaml.unsafe_load_all') {
        context.report({ node, messageId: 'unsafe', data: { callee } });
        continue;
      }
      if (node.childForFieldName('arguments')?.type !== 'argument_list') continue;
      const loader = keywordArgument(node, 'Loader') ?? positionalArguments(node)[1];
      if (!loader || !SAFE_LOADERS.test(loader.text)) context.report({ node, messageId: 'load', data: { callee: callee! } });
    }
  },
});
