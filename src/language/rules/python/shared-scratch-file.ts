import type { Node } from 'web-tree-sitter';
import { scratchRoundTrip } from '../../python/scratch-files';
import { queueTasks } from '../../python/workers';
import { calledEffect } from '../../project/effects';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'shared-scratch-file',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:shared-scratch-file'],
  messages: {
    runner: l(
      "'{runner}'가 매 호출의 데이터를 고정 경로 '{path}'에 쓰고 다시 읽습니다 — 동시에 들어온 두 요청(작업)이 같은 파일을 덮어써, 한쪽이 다른 쪽의 입력이나 결과를 받습니다",
      "'{runner}' writes each call's data to the fixed path '{path}' and reads it back — two concurrent requests (or tasks) overwrite the same file, and one gets the other's input or result",
    ),
    helper: l(
      "'{runner}'가 부르는 {helper}()가 고정 경로 '{path}'에 쓰고 다시 읽습니다 — 동시에 들어온 두 요청(작업)이 같은 파일을 덮어써, 한쪽이 다른 쪽의 입력이나 결과를 받습니다",
      "{helper}(), called by '{runner}', writes to the fixed path '{path}' and reads it back — two concurrent requests (or tasks) overwrite the same file, and one gets the other's input or result",
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러나 큐 작업(Celery·RQ)이 — 직접, 또는 부르는 함수에서 — 고정된 파일 경로에 데이터를 쓰고 다시 읽는 코드를 찾습니다 (업로드를 "temp.jpg"에 저장한 뒤 예측, 결과를 "class.txt"에 쓰고 읽기). 호출마다 다른 경로(uuid, tempfile, 매개변수)나 다시 읽지 않는 쓰기(로그)는 제외합니다.',
      'Flags request handlers and queue tasks (Celery, RQ) that, directly or in a function they call, write data to a fixed file path and read it back (an upload saved to "temp.jpg" then predicted on, results written to "class.txt" and read again). Paths that differ per call (uuid, tempfile, a parameter) and writes never read back (a log) are left alone.',
    ),
    why: l(
      '웹 서버와 워커는 요청을 동시에 처리합니다. 두 요청이 같은 파일에 쓰면 한 요청이 다른 사용자의 이미지로 예측하거나, 아직 쓰는 중인 파일을 읽어 실패합니다. 테스트에서는 한 번에 한 요청이라 드러나지 않습니다.',
      'Web servers and workers handle requests at the same time. When two requests write the same file, one predicts on another user’s image, or reads a file the other is still writing and fails. Tests send one request at a time, so it never shows there.',
    ),
    bad: "from flask import Flask, request\nfrom tensorflow.keras.preprocessing import image\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    request.files['file'].save('upload.jpg')\n    img = image.load_img('upload.jpg', target_size=(224, 224))\n    return {'label': classify(img)}\n",
    good: "import io\n\nfrom flask import Flask, request\nfrom PIL import Image\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    # TODO: 파일을 거치지 않고 메모리에서 읽을 수 있을까요? 꼭 파일이 필요하면 요청마다 다른 경로는?\n    img = Image.open(io.BytesIO(request.files['file'].read())).resize((224, 224))\n    return {'label': classify(img)}\n",
  },
  weeks: ['beginner/5', 'intermediate/4'],
  questions: [
    l(
      "두 사용자가 같은 순간에 '{runner}'를 부르면, '{path}'에는 누구의 데이터가 남고 각자는 어떤 결과를 받을까요?",
      "If two users call '{runner}' at the same moment, whose data ends up in '{path}', and which result does each of them get?",
    ),
    l(
      '이 데이터가 파일을 거쳐야 하는 이유가 있나요? 메모리(BytesIO)에서 바로 읽거나, 요청마다 다른 임시 파일을 쓸 수는 없을까요?',
      'Does this data need to go through a file at all? Could it be read from memory (BytesIO), or written to a temporary file of its own per request?',
    ),
    l('워커를 여러 개 띄우거나 스레드를 켜면 이 파일은 어떻게 될까요?', 'What happens to this file when you run several workers, or turn on threads?'),
  ],
  scaffold: {
    ko: '# TODO: 요청마다 자기 데이터만 다루기\n# 고려사항:\n# - 파일 없이 메모리에서 처리할 수 있나요? (io.BytesIO, 디코딩한 배열)\n# - 파일이 꼭 필요하다면: tempfile.NamedTemporaryFile 또는 uuid로 요청마다 다른 경로\n# - 다 쓴 파일은 누가, 언제 지우나요? (실패했을 때도)\n# TODO: 고정 경로를 요청별 경로나 메모리로 바꾸기\n',
    en: '# TODO: let each request touch only its own data\n# Consider:\n# - can it be processed in memory, with no file? (io.BytesIO, a decoded array)\n# - if a file is needed: tempfile.NamedTemporaryFile or a uuid, one path per request\n# - who deletes the file, and when (on failure too)?\n# TODO: replace the fixed path with a per-request path or memory\n',
  },
  // A helper of another module (`make_prediction()` in predict.py, called by the route in main.py).
  project(context) {
    const { view } = context;
    const reported = new Set<string>();
    for (const [path, facts] of view.python) {
      for (const call of facts.handlerCalls ?? []) {
        if (call.via !== 'call') continue;
        const reached = calledEffect(view, path, call.name, 'scratch', call.scope);
        if (!reached || reached.path === path) continue;
        const key = `${reached.path}:${reached.effect.range.start.line}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({
          path: reached.path,
          range: reached.effect.range,
          messageId: 'helper',
          data: { runner: call.handler, helper: reached.fn.name, path: reached.effect.what },
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    const tasks = queueTasks(model);
    if (model.handlers.length === 0 && tasks.size === 0) return;
    const byFunction = model.callsByFunction();
    const runners = new Map<number, { name: string; node: Node }>();
    for (const handler of model.handlers) runners.set(handler.node.id, { name: handler.name, node: handler.node });
    // A node's id crosses into WASM (and finds a node moved by an edit again): read it only when there are tasks.
    if (tasks.size > 0)
      for (const fn of model.functions) {
        const task = tasks.get(fn.id);
        if (task !== undefined) runners.set(fn.id, { name: task, node: fn });
      }
    for (const runner of runners.values()) {
      const found = scratchRoundTrip(model, runner.node, byFunction.get(runner.node.id) ?? []);
      if (found) context.report({ range: found.range, messageId: 'runner', data: { runner: runner.name, path: found.what } });
    }
    // Module-level helpers of this file that a handler or task calls.
    const said = new Set<string>();
    for (const fn of model.functions) {
      // The text test first: it reads the source, the others cross into WASM.
      if (!/\b(open|save|imwrite|savefig|to_\w+|dump|download\w*|urlretrieve)\s*\(/.test(model.source.slice(fn.startIndex, fn.endIndex)) || runners.has(fn.id)) continue;
      const name = fn.childForFieldName('name')?.text;
      const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
      if (!name || definition.parent?.type !== 'module') continue;
      const found = scratchRoundTrip(model, fn, byFunction.get(fn.id) ?? []);
      if (!found) continue;
      for (const call of model.calls) {
        if (call.callee !== name || said.has(name)) continue;
        const runner = [...runners.values()].find((r) => call.node.startIndex >= r.node.startIndex && call.node.endIndex <= r.node.endIndex);
        if (!runner) continue;
        said.add(name);
        context.report({ range: found.range, messageId: 'helper', data: { runner: runner.name, helper: name, path: found.what } });
      }
    }
  },
});
