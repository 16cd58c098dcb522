import type { Node } from 'web-tree-sitter';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** SQLAlchemy's `Base.metadata.create_all(bind=engine)`, SQLModel's, Flask-SQLAlchemy's `db.create_all()`. */
const CREATE_ALL = /(^|\.)create_all$/;

export default pythonRule({
  id: 'tables-created-at-import',
  language: 'python',
  category: 'reliability',
  // Info: the tutorials do it, and it works until the first schema change or a database that starts slower than the app.
  severity: 'info',
  anchors: ['gap:tables-created-at-import'],
  messages: {
    atImport: l(
      '이 서비스는 import될 때 테이블을 만듭니다({call}) — 워커마다 시작할 때 DB에 접속해야 해서 DB가 아직 뜨지 않았으면 서비스가 import조차 되지 않고, create_all은 이미 있는 테이블을 바꾸지 않아 스키마 변경이 반영되지 않습니다',
      'This service creates its tables when it is imported ({call}) — every worker must reach the database to start, so the service cannot even import while the database is still starting, and create_all never alters an existing table, so schema changes are not applied',
    ),
  },
  docs: {
    summary: l(
      '요청을 처리하는 모듈(핸들러나 앱 객체가 있는 파일)이 최상위에서(`with app.app_context():` 안 포함) `metadata.create_all(...)`이나 `db.create_all()`로 테이블을 만드는 곳을 찾습니다. 함수·시작 훅 안, `__main__` 블록 안, Alembic을 쓰는 파일, 테스트는 제외합니다.',
      'Flags a module that serves requests (a file with handlers or an app object) and creates its tables at its top level (inside `with app.app_context():` too) with `metadata.create_all(...)` or `db.create_all()`. Calls inside functions or start-up hooks, under `__main__`, in files that use Alembic, and tests are left alone.',
    ),
    why: l(
      'import 시점의 create_all은 서비스가 뜰 때마다, 워커마다 DB에 접속합니다. compose나 Kubernetes에서 DB가 앱보다 늦게 준비되면 서비스가 import 단계에서 죽고, 재시도도 없습니다. 또 create_all은 없는 테이블만 만들고 이미 있는 테이블의 열·인덱스는 바꾸지 않아서, 모델을 고친 새 버전은 옛 스키마 위에서 돌다가 요청 중에 실패합니다. 스키마는 배포 단계의 마이그레이션(Alembic, Flask-Migrate)이 한 번 맡는 편이 안전합니다.',
      'create_all at import reaches the database at every start of the service, in every worker. Under compose or Kubernetes, a database that becomes ready after the app kills the service while it imports, with no retry. And create_all only creates missing tables: it never changes the columns or indexes of an existing one, so a new version with a changed model runs on the old schema and fails mid-request. The schema is safer in the hands of a migration (Alembic, Flask-Migrate) run once as a deployment step.',
    ),
    bad: "from fastapi import FastAPI\n\nfrom database import Base, engine\n\nBase.metadata.create_all(bind=engine)\napp = FastAPI()\n\n@app.get('/health')\ndef health():\n    return {'status': 'ok'}\n",
    good: "from fastapi import FastAPI\n\nfrom database import engine\n\n# TODO: 스키마는 배포의 어느 단계에서 누가 만들고 바꿀까요? (alembic upgrade head)\napp = FastAPI()\n\n@app.get('/health')\ndef health():\n    return {'status': 'ok'}\n",
  },
  weeks: ['intermediate/6', 'beginner/5'],
  questions: [
    l(
      '{call}이 접속할 곳이 서비스보다 10초 늦게 준비되면, 이 모듈의 import는 어떻게 될까요? 서비스는 다시 시도하나요?',
      'If what {call} connects to becomes ready ten seconds after the service starts, what happens to the import of this module? Does the service try again?',
    ),
    l(
      '다음 버전에서 테이블 클래스에 열을 하나 추가하면, 이미 있는 테이블에는 언제 누가 그 열을 만들까요?',
      'When the next version adds a column to a table class, who adds that column to the existing table, and when?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 스키마를 import가 아닌 배포 단계에서 관리하기\n# 고려사항:\n# - 마이그레이션 도구(Alembic, Flask-Migrate)로 스키마의 버전을 남길까요?\n# - 마이그레이션은 어디서 한 번만 돌까요? (배포 작업, init 컨테이너, 릴리스 단계)\n# - DB가 늦게 뜨면 앱은 기다릴까요, 준비되지 않았다고 알릴까요?\n# TODO: create_all 대신 마이그레이션 실행하기\n',
    en: '# TODO: manage the schema as a deployment step, not at import\n# Consider:\n# - keep versions of the schema with a migration tool (Alembic, Flask-Migrate)?\n# - where does the migration run, once? (a deploy job, an init container, a release phase)\n# - when the database starts late, should the app wait or report not-ready?\n# TODO: run migrations instead of create_all\n',
  },
  check(context) {
    const { model } = context;
    // Text first: almost no file creates tables.
    if (!model.source.includes('create_all(') || model.role !== 'serving' || isTestPath(context.path) || /\balembic\b|flask_migrate/.test(model.source)) return;
    for (const call of model.calls) {
      if (call.inFunction || !CREATE_ALL.test(call.callee ?? '') || inClassBody(call.node) || model.inMainGuard(call.node)) continue;
      context.report({ node: call.node, messageId: 'atImport', data: { call: `${call.node.childForFieldName('function')?.text ?? 'create_all'}()` } });
      return;
    }
  },
});

function inClassBody(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'class_definition') return true;
  return false;
}
