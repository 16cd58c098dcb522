import { ancestors, dirname, joinDir } from '../../project/modules';
import { l, projectRule } from '../../rule';

/**
 * `from src.utils import load_objects` where src/utils.py defines `load_object`: an ImportError
 * the moment the module is loaded. A folder with no `__init__.py` (`from src.components import
 * DataIngestion`) is not judged: copies of a repository often leave the empty `__init__.py` out. The per-file facts hold each module's bound names, read generously (a name bound
 * anywhere in the file counts) and each module-level `from ... import`; the project pass checks
 * one against the other for modules of the project itself. Silent for installed packages, for
 * modules that make names dynamically (`import *`, a module `__getattr__`, `globals()`), for
 * imports under `try:`/`if`/`def` (a guarded import), for generated protobuf modules, and for a
 * file that imports its own name (`proj/celery.py` with `from celery import Celery`: the installed package wins).
 */

/** Files protoc writes at build time: absent from the tree on purpose. */
const GENERATED = /_pb2(?:_grpc)?$/;

export default projectRule({
  scope: 'project',
  id: 'import-name-missing',
  language: 'python',
  category: 'reliability',
  // An error: the module cannot load, whatever the data.
  severity: 'error',
  anchors: ['pylint:E0611', 'mypy:attr-defined'],
  messages: {
    missing: l(
      "'{module}'에는 '{name}'가 없습니다 — 이 import는 ImportError를 내고, 이 모듈은 불러와지지 않습니다",
      "'{module}' has no '{name}' — this import raises ImportError and the module never loads",
    ),
  },
  docs: {
    summary: l(
      '프로젝트 안의 모듈에서 그 모듈이 정의하지 않는 이름을 가져오는 `from 모듈 import 이름`(오타, 옮기거나 이름을 바꾼 함수)을 찾습니다. 패키지의 하위 모듈 이름, `__init__.py`가 없는 폴더, 설치된 패키지, 이름을 동적으로 만드는 모듈(`import *`, 모듈 `__getattr__`, `globals()`), `try:`·`if`·함수 안의 import, 빌드 때 생성되는 protobuf 모듈(`_pb2`)은 보지 않습니다.',
      'Flags `from module import name` where the module is part of the project and binds no such name (a typo, a function moved or renamed). Submodules of a package, folders with no `__init__.py`, installed packages, modules that make names dynamically (`import *`, a module `__getattr__`, `globals()`), imports under `try:`, `if` or a function, and protobuf modules generated at build time (`_pb2`) are left alone.',
    ),
    why: l(
      '함수를 다른 파일로 옮기거나 이름을 바꾼 뒤 import 한 줄이 옛 이름으로 남으면, 그 모듈을 불러오는 모든 경로(서비스 시작, 학습 파이프라인)가 ImportError로 멈춥니다. 노트북이나 IDE에서는 예전 객체가 메모리에 남아 있어 알아채지 못하는 일이 흔합니다.',
      'After a function is moved or renamed, one import left with the old name stops every path that loads the module (the service start, the training pipeline) with ImportError. In a notebook or an IDE session the old object often lingers in memory, so nobody notices.',
    ),
    bad: '# --- src/utils.py ---\ndef load_object(path):\n    ...\n# --- src/predict.py ---\nfrom src.utils import load_objects\n',
    good: '# --- src/utils.py ---\ndef load_object(path):\n    ...\n# --- src/predict.py ---\n# TODO: 이 모듈을 불러오기만 하는 테스트(import 스모크 테스트)를 CI에 두기\nfrom src.utils import load_object\n',
  },
  weeks: ['beginner/3', 'beginner/4'],
  questions: [
    l(
      "'{name}'는 지금 어느 파일에 정의되어 있나요? 이 import가 쓰인 뒤에 옮겨지거나 이름이 바뀌었나요?",
      "Where is '{name}' defined today? Was it moved or renamed after this import was written?",
    ),
    l(
      '새로 받은 체크아웃에서 이 모듈을 불러오기만 하는 테스트가 있다면, 이 오류는 언제 드러날까요?',
      'If a test merely imported this module on a fresh checkout, when would this error show up?',
    ),
  ],
  scaffold: {
    ko: '# TODO: import를 실제로 정의된 이름과 위치에 맞추기\n# 고려사항:\n# - 이 이름을 정의한 모듈은 어디인가요?\n# - 모든 모듈을 한 번씩 import하는 스모크 테스트가 있나요?\n',
    en: '# TODO: point the import at the name and module that define it\n# Consider:\n# - which module defines this name?\n# - is there a smoke test that imports every module once?\n',
  },
  project(context) {
    const { view } = context;
    const paths = [...view.python.keys()];
    for (const [path, facts] of view.python) {
      for (const imported of facts.fromImports ?? []) {
        if (GENERATED.test(imported.name)) continue;
        const relative = imported.module.startsWith('.');
        const modulePath = imported.module.replace(/^\.+/, '').replace(/\./g, '/');
        const target = view.modules.module(path, imported.module);
        if (target) {
          // Python finds an absolute import from the script's folder or an ancestor (the working directory), not anywhere in the tree.
          if (!relative && !ancestors(path).some((dir) => [`${joinDir(dir, modulePath)}.py`, `${joinDir(dir, modulePath)}/__init__.py`].includes(target))) continue;
          const targetFacts = view.python.get(target);
          // `proj/celery.py` holding `from celery import Celery` (Celery's documented Django layout) works only
          // because the installed package wins over the file: the same name elsewhere in `proj` is that package too.
          if (!relative && importsModule(targetFacts, imported.module)) continue;
          const bound = targetFacts?.boundNames;
          if (!bound || bound.opaque || bound.names.includes(imported.name)) continue;
          // A package's submodule is importable by name.
          if (target.endsWith('__init__.py') && submodule(paths, dirname(target), imported.name)) continue;
          context.report({ path, range: imported.range, messageId: 'missing', data: { module: imported.module, name: imported.name } });
          continue;
        }
      }
    }
  },
});

/** Whether a module's own imports name `module` absolutely (the file imports the name it is called by). */
function importsModule(facts: { readonly imports?: readonly { readonly module: string }[] } | undefined, module: string): boolean {
  return facts?.imports?.some((i) => i.module === module) ?? false;
}

/** `folder/name.py` or a `folder/name/` package or namespace. */
function submodule(paths: readonly string[], folder: string, name: string): boolean {
  const prefix = folder ? `${folder}/${name}` : name;
  return paths.some((p) => p === `${prefix}.py` || p === `${prefix}.pyi` || p.startsWith(`${prefix}/`));
}
