import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleFiles } from '../../src/language/project/example';
import { lintProject } from '../../src/language/project/run';
import { ALL_RULES } from '../../src/language/rules';
import type { Finding, Lang, LintResult } from '../../src/language/types';
import { findingQuestions } from '../../src/teacher/catalog';
import { factValues, fileFacts, isGitLabPipeline, type FileFacts } from '../../src/teacher/facts';
import { hintLadder } from '../../src/teacher/hints';
import { ROOT, engine } from '../helpers/engine';

/**
 * Questions from facts, rule by rule: every question the teacher asks about a finding (the review,
 * the card, hint level 1) is filled from the finding's data and the file, so it must not name
 * anything the file does not have. Walks every registered rule, so new rules are checked too, on
 * their own bad example, their fixtures, the course's starter files and the accuracy corpus.
 */

/** Things a question can name, and what the file must show for the name to be allowed. */
const VOCABULARY: readonly { readonly what: string; readonly pattern: RegExp; readonly allowed: (facts: FileFacts) => boolean }[] = [
  { what: 'Kubernetes words', pattern: /\bPods?\b|파드|\bkubelet\b|쿠버네티스|\bKubernetes\b/, allowed: (f) => f.kinds.includes('kubernetes') },
  { what: 'compose words', pattern: /\bcompose\b|컴포즈/i, allowed: (f) => f.kinds.includes('compose') },
  { what: 'workflow words', pattern: /\bworkflow\b|워크플로/i, allowed: (f) => f.kinds.includes('github-actions') },
  { what: 'runner words', pattern: /\brunner\b|러너/i, allowed: (f) => f.kinds.includes('github-actions') || isGitLabPipeline(f) },
  // The machine an Azure pipeline's job runs on; an LLM agent in Python, or one the YAML file names itself (a service, a folder).
  { what: 'agent words', pattern: /\bagents?\b|에이전트/i, allowed: (f) => f.language === 'python' || f.azurePipelines === true || /agent/i.test(f.text) },
  { what: 'Prometheus words', pattern: /\bscrapes?\b|스크레이프|PromQL/i, allowed: (f) => f.kinds.includes('prometheus-rules') },
  {
    what: 'a model server',
    pattern: /model server|inference server|모델 서버|추론 서버/i,
    allowed: (f) => (f.language === 'python' ? /predict|model/i.test(f.text) : [...f.services.values()].some((s) => s.kind === 'model-server')),
  },
  {
    what: 'a database',
    pattern: /\bDB\b|\bdatabase\b|데이터베이스/,
    allowed: (f) => [...f.services.values()].some((s) => s.kind === 'database') || /execute\(|cursor|\bsql|sqlite|psycopg|sqlalchemy|read_sql/i.test(f.text),
  },
  { what: 'a framework', pattern: /\b(Flask|FastAPI|Django|Starlette|uvicorn|gunicorn)\b/, allowed: () => true },
];

const CODE_LIKE = /[_./@:=()\d-]|[a-z][A-Z]/;

/**
 * Code-like names a question quotes: `x`; a quoted ASCII name in a Korean question ('features')
 * or a code-looking one in an English question ("v4", 'user_id'); a@b and a.b names; four-digit
 * numbers (ports). A quoted value with spaces inside ('model.pt; rm -rf ~', "1 OR 1=1") is an
 * example input the question imagines, not a name from the file.
 */
function quotedNames(question: string): string[] {
  const text = question.replace(/'[^']*\s[^']*'|"[^"]*\s[^"]*"|“[^”]*\s[^”]*”/g, ' ');
  const korean = /[\uac00-\ud7a3]/.test(question);
  const names = [
    ...Array.from(text.matchAll(/`([^`]+)`/g), (m) => m[1]),
    ...Array.from(text.matchAll(/["“'‘]([A-Za-z0-9_./@:=()-]{2,})["”'’]/g), (m) => m[1]).filter((n) => korean || CODE_LIKE.test(n)),
    ...Array.from(text.matchAll(/\b[\w-]+\/[\w.-]+@[\w.-]+\b/g), (m) => m[0]),
    ...Array.from(text.matchAll(/\b[A-Za-z_]\w*\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\b/g), (m) => m[0]).filter((n) => !/^(e\.g|i\.e|a\.m|p\.m)$/i.test(n)),
    ...Array.from(text.matchAll(/\b\d{4,5}\b/g), (m) => m[0]),
  ];
  return names.filter((n) => !/^\{/.test(n));
}

/** The platform's words among a finding's values. */
function pick(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(['unit', 'orchestrator', 'pipeline'].filter((key) => key in values).map((key) => [key, values[key]]));
}

function frameworkNamed(question: string): string[] {
  return Array.from(question.matchAll(/\b(Flask|FastAPI|Django|Starlette|uvicorn|gunicorn)\b/g), (m) => m[1]);
}

/**
 * What a question names that the file does not hold. `named`: what the finding itself names from
 * outside the file (the server a start command runs that no requirements line installs): the subject
 * of the lesson, not an invented one.
 */
export function problems(question: string, facts: FileFacts, named: readonly string[] = []): string[] {
  const found: string[] = [];
  if (/\{!?\w+(\|[^}]*)?\}/.test(question)) found.push(`an unfilled placeholder in "${question}"`);
  const text = facts.text.toLowerCase();
  // A resolved call name (joblib.load for `from joblib import load`) is there when its last part is.
  const present = (name: string) => text.includes(name.toLowerCase()) || (/^[\w.]+\.\w+$/.test(name) && new RegExp(`\\b${name.split('.').pop()!.toLowerCase()}\\b`).test(text));
  // A name the finding itself carries (a Deployment of the manifest a workflow applies) is grounded in another file.
  const carried = new Set(named.map((name) => name.toLowerCase()));
  for (const name of quotedNames(question)) if (!present(name) && !carried.has(name.toLowerCase())) found.push(`"${name}" is not in the file: ${question}`);
  // A compound name the file itself holds (a container `exec-workflow`, a job `build_runner`) is quoted, not a word used.
  const words = question.replace(/\w+(?:[-_.]\w+)+/g, (name) => (text.includes(name.toLowerCase()) ? ' ' : name));
  for (const word of VOCABULARY) if (word.pattern.test(words) && !word.allowed(facts)) found.push(`${word.what} in a file without them: ${question}`);
  const ownSubject = new Set(named.map((name) => name.toLowerCase()));
  for (const framework of frameworkNamed(question))
    if (!text.includes(framework.toLowerCase()) && !ownSubject.has(framework.toLowerCase())) found.push(`${framework} is not used in the file: ${question}`);
  return found;
}

/** The names a finding's data carries (`modules: "mlflow, uvicorn"` is two). */
function dataNames(finding: Finding): string[] {
  return Object.values(finding.data ?? {}).flatMap((value) => String(value).split(/,\s*/));
}

function questionsOf(finding: Finding, facts: FileFacts, lang: Lang): string[] {
  const ladder = hintLadder(finding.ruleId, finding, facts, lang);
  return [...findingQuestions(finding.ruleId, finding.category, finding, facts, lang), ladder.question, ...ladder.steps[0].text.split('\n').map((l) => l.replace(/^- /, ''))];
}

/** Every file of a fixture folder, with paths relative to it. */
function treeOf(dir: string, base = dir): { path: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? treeOf(full, base) : [{ path: path.relative(base, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') }];
  });
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(py|ya?ml)$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('questions from facts, rule by rule', () => {
  const shared = [...walk(path.join(ROOT, 'curriculum')), ...walk(path.join(ROOT, 'test/accuracy/cases'))];
  const corpus = new Map<string, { text: string; result: LintResult }[]>();

  before(async () => {
    const lint = await engine();
    for (const file of shared) {
      const text = fs.readFileSync(file, 'utf8');
      const result = lint.lintText(file, text, { lang: 'en' });
      for (const ruleId of new Set(result.findings.map((f) => f.ruleId))) {
        const list = corpus.get(ruleId) ?? [];
        list.push({ text, result });
        corpus.set(ruleId, list);
      }
    }
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id}: no question names what the file does not have`, async () => {
      const lint = await engine();
      const own = walk(path.join(ROOT, 'test/fixtures/rules', rule.id)).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
      const samples = [{ file: rule.language === 'yaml' ? 'example.yaml' : 'example.py', text: rule.docs.bad }, ...own];
      const cases = samples.map(({ file, text }) => ({ text, result: lint.lintText(file, text, { lang: 'en' }) }));
      if (rule.project) {
        // Cross-file findings come from the project pass: the docs example and fixture folders run as projects.
        const fixtures = path.join(ROOT, 'test/fixtures/rules', rule.id);
        const folders = fs.existsSync(fixtures)
          ? fs
              .readdirSync(fixtures)
              .map((name) => path.join(fixtures, name))
              .filter((dir) => fs.statSync(dir).isDirectory())
          : [];
        for (const files of [exampleFiles(rule.docs.bad, rule.language), ...folders.map((dir) => treeOf(dir))]) {
          for (const result of lintProject(lint, files, { lang: 'en' }).results) cases.push({ text: files.find((f) => f.path === result.path)?.text ?? '', result });
        }
      }
      cases.push(...(corpus.get(rule.id) ?? []).slice(0, 25));
      let checked = 0;
      const found: string[] = [];
      for (const { text, result } of cases) {
        const facts = fileFacts(result.path, text, result);
        for (const finding of result.findings.filter((f) => f.ruleId === rule.id)) {
          for (const lang of ['ko', 'en'] as const) {
            for (const question of questionsOf(finding, facts, lang)) {
              checked++;
              found.push(...problems(question, facts, dataNames(finding)).map((p) => `${path.basename(result.path)}:${finding.range.start.line + 1} ${p}`));
            }
          }
        }
      }
      assert.ok(checked > 0, `${rule.id} fired nowhere, so none of its questions was checked`);
      assert.deepEqual([...new Set(found)], []);
    });
  }

  it('the check itself catches a question about what is not there', () => {
    const facts = fileFacts('docker-compose.yml', 'services:\n  jenkins:\n    image: jenkins/jenkins:lts\n', {
      path: 'docker-compose.yml',
      findings: [],
      notices: [],
      summary: { language: 'yaml', role: 'compose', yamlKinds: ['compose'], lineCount: 3 },
    });
    assert.equal(problems('If one Pod restarts, what happens?', facts).length, 1);
    assert.equal(problems('What happens to the DB container?', facts).length, 1);
    assert.equal(problems('Which code does the "v4" in actions/checkout@v4 point to?', facts).length, 2);
    assert.equal(problems('If this model server dies at 3 a.m.?', facts).length, 1);
    assert.deepEqual(problems('If jenkins (the CI server) dies at 3 a.m., what has to happen before it is back?', facts), []);
    const named = fileFacts('docker-compose.yml', 'services:\n  exec-workflow:\n    image: app:1.2\n', {
      path: 'docker-compose.yml',
      findings: [],
      notices: [],
      summary: { language: 'yaml', role: 'compose', yamlKinds: ['compose'], lineCount: 3 },
    });
    // The file's own compound name is quoted, not the word used; the word alone is still caught.
    assert.deepEqual(problems('How much memory does the exec-workflow container use?', named), []);
    assert.equal(problems('Which workflow starts the exec-workflow container?', named).length, 1);
  });

  it('an Azure pipeline, known by its shape, speaks of its pipeline and agent, and a GitHub workflow as before', () => {
    const summary = { language: 'yaml', role: 'other', yamlKinds: ['other'], lineCount: 6 } as const;
    const text = 'pool:\n  vmImage: ubuntu-latest\njobs:\n  - job: Deploy\n    steps:\n      - script: kubectl apply -f k8s/\n';
    const azure = fileFacts('ci/deploy.yml', text, { path: 'ci/deploy.yml', findings: [], notices: [], summary });
    assert.equal(azure.azurePipelines, true);
    assert.deepEqual(pick(factValues(undefined, azure, 'en')), { unit: 'agent', orchestrator: 'Azure Pipelines', pipeline: 'pipeline' });
    assert.deepEqual(pick(factValues(undefined, azure, 'ko')), { unit: '에이전트', orchestrator: 'Azure Pipelines', pipeline: '파이프라인' });
    assert.deepEqual(problems('On the agent where "Deploy" runs, which cluster does `kubectl apply` connect to?', azure), []);
    assert.equal(problems('If this workflow runs on a runner, what changes?', azure).length, 2);
    // Cloud Build's steps name a builder image: not an Azure pipeline, so no agent there.
    const cloudBuild = fileFacts('cloudbuild.yaml', 'steps:\n  - name: gcr.io/cloud-builders/docker\n    args: [build, .]\n', undefined);
    assert.equal(cloudBuild.azurePipelines, false);
    assert.equal(problems('Which agent runs this step?', cloudBuild).length, 1);
    const workflow = fileFacts('.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n', {
      path: '.github/workflows/ci.yml',
      findings: [],
      notices: [],
      summary: { language: 'yaml', role: 'ci', yamlKinds: ['github-actions'], lineCount: 6 },
    });
    assert.deepEqual(pick(factValues(undefined, workflow, 'en')), { unit: 'runner', orchestrator: 'GitHub Actions', pipeline: 'workflow' });
  });
});
