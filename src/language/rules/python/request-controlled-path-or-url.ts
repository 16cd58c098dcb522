import { requestDerived } from '../../python/request-derived';
import { l, pythonRule, type PythonContext } from '../../rule';

const URL_SINK =
  /^(requests|httpx)\.(get|post|put|patch|delete|head|request|stream)$|^urllib\.request\.(urlopen|urlretrieve)$|^(requests\.Session|requests\.session|httpx\.Client|httpx\.AsyncClient|aiohttp\.ClientSession)\.(get|post|put|request|stream)$/;
const PATH_SINK =
  /^(open|builtins\.open|os\.path\.join|pathlib\.Path|os\.(remove|unlink|listdir|makedirs|rmdir|walk|scandir)|os\.path\.(exists|isdir|isfile)|glob\.i?glob|shutil\.\w+|pandas\.read_\w+|flask\.send_file|joblib\.load|torch\.load|PIL\.Image\.open|zipfile\.ZipFile|tarfile\.open)$|^(langchain\w*|llama_index)\.[\w.]*\.(\w+Loader|SimpleDirectoryReader)$/;
/**
 * pathlib methods that read, write or remove the file their receiver names
 * (`(UPLOADS / file.filename).write_bytes(data)`): the path is the object, not an argument.
 */
const PATH_METHOD = /\.(write_bytes|write_text|read_bytes|read_text|unlink|touch|open)$/;
/** A buffer built around the data itself: what it holds is read, no file is named. */
const IN_MEMORY = /^(io\.)?(BytesIO|StringIO)\s*\(/;
/** A host check before the fetch: parsing the URL, an allow-list, a validator. */
const URL_GUARD = /urlparse|urlsplit|\.netloc|\.hostname|ALLOWED_(HOSTS|DOMAINS|URLS|ORIGINS)|allow_?list|white_?list|validators\.url|is_safe_url|url_has_allowed_host/i;
/** A path made safe before use: a sanitised name, or a resolved path checked against its folder. */
const PATH_GUARD = /secure_filename|get_valid_filename|is_relative_to|commonpath|realpath|os\.path\.basename|\.resolve\(\)|uuid\d?\(|\bin\s+(ALLOWED|VALID|SUPPORTED|KNOWN)_?\w*/;
/** Values that pass no name on: a sanitised path, or a buffer around the data (`buf = BytesIO(body)`). */
const CLEANED = new RegExp(`${PATH_GUARD.source}|^\\s*${IN_MEMORY.source.slice(1)}`);

export default pythonRule({
  id: 'request-controlled-path-or-url',
  language: 'python',
  local: 'handler',
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-918', 'CWE-22', 'semgrep:ssrf-requests', 'semgrep:path-traversal-open'],
  messages: {
    url: l(
      "핸들러 '{handler}'가 요청에서 받은 URL로 {callee}를 호출합니다 — 클라이언트가 서버 안쪽 주소(메타데이터 서비스, 내부 API)를 대신 부르게 할 수 있습니다",
      "The handler '{handler}' calls {callee} with a URL taken from the request — a client can make the server fetch internal addresses (the metadata service, internal APIs)",
    ),
    path: l(
      "핸들러 '{handler}'가 요청에서 받은 이름으로 경로를 만듭니다({callee}) — '../'가 든 이름이면 폴더 밖의 파일을 읽거나 덮어씁니다",
      "The handler '{handler}' builds a path from a name taken from the request ({callee}) — a name holding '../' reads or overwrites files outside the folder",
    ),
    upload: l(
      "Streamlit 앱('{handler}')이 업로드한 파일의 이름(클라이언트가 정한 값)으로 경로를 만듭니다({callee}) — '../'가 든 이름이면 폴더 밖의 파일을 덮어쓰고, 같은 이름으로 올린 두 사용자는 서로의 파일을 덮어씁니다",
      "The Streamlit app ('{handler}') builds a path from an uploaded file's name, which the client chooses ({callee}) — a name holding '../' overwrites files outside the folder, and two users uploading the same name overwrite each other",
    ),
  },
  docs: {
    summary: l(
      '핸들러 안에서 요청 값(쿼리, 폼, JSON, 업로드 파일 이름, 경로 파라미터)을 검사 없이 URL로 가져오거나(SSRF) 파일 경로로 쓰는(경로 조작: open, os.listdir·os.path.exists, LangChain/LlamaIndex 문서 로더) 코드를 찾습니다. Streamlit 스크립트에서는 업로드한 파일의 이름(`uploaded.name`)으로 만든 경로도 찾습니다. urlparse·허용 목록 확인, secure_filename·basename·resolve 확인이 있으면 제외합니다.',
      'Flags handlers that fetch a URL (SSRF) or open a file path (path traversal: open, os.listdir/os.path.exists, LangChain/LlamaIndex document loaders) built from request input (query, form, JSON, an upload’s filename, path parameters) with no check. In a Streamlit script, a path built from an uploaded file’s name (`uploaded.name`) counts too. A urlparse/allow-list check, or secure_filename/basename/resolve, clears it.',
    ),
    why: l(
      '서버는 클라이언트가 닿을 수 없는 곳(클라우드 메타데이터 169.254.169.254, 내부 DB 관리 화면, 파일 시스템)에 닿습니다. 요청 값이 그대로 주소나 경로가 되면 클라이언트가 서버의 권한을 빌려 씁니다.',
      'The server reaches places a client cannot (cloud metadata at 169.254.169.254, internal admin pages, its own file system). When request input becomes the address or the path as it is, the client borrows the server’s reach.',
    ),
    bad: "import os\n\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n@app.route('/upload', methods=['POST'])\ndef upload():\n    file = request.files['file']\n    path = os.path.join('uploads', file.filename)\n    file.save(path)\n    return {'saved': path}\n",
    good: "import os\nimport uuid\n\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n@app.route('/upload', methods=['POST'])\ndef upload():\n    file = request.files['file']\n    # TODO: 원래 이름이 필요한가요? 확장자는 어떻게 확인할까요?\n    path = os.path.join('uploads', f'{uuid.uuid4().hex}.jpg')\n    file.save(path)\n    return {'saved': os.path.basename(path)}\n",
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      "클라이언트가 '{handler}'에 'http://169.254.169.254/latest/meta-data/'나 '../../etc/passwd'를 보내면 무슨 일이 생길까요?",
      "What happens if a client sends 'http://169.254.169.254/latest/meta-data/' or '../../etc/passwd' to '{handler}'?",
    ),
    l(
      '이 값으로 허용해야 하는 것은 무엇인가요? 허용 목록으로 적을 수 있나요, 아니면 서버가 이름을 정하면 되나요?',
      'What should this value be allowed to be? Can you write it as an allow-list, or can the server choose the name itself?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 요청 값이 주소나 경로가 되기 전에 검사하기\n# 고려사항:\n# - URL: 허용할 스킴과 호스트는? (urlparse 후 허용 목록, 사설 IP 거부)\n# - 경로: secure_filename 또는 서버가 만든 이름(uuid)을 쓸 수 있나요?\n# - resolve() 후 허용된 폴더 안에 있는지 확인했나요?\n# TODO: 검사 추가\n',
    en: '# TODO: check request input before it becomes an address or a path\n# Consider:\n# - URL: which schemes and hosts are allowed? (urlparse, an allow-list, refuse private IPs)\n# - path: secure_filename, or a server-chosen name (uuid)?\n# - after resolve(), is it still inside the allowed folder?\n# TODO: add the check\n',
  },
  callees: [URL_SINK, PATH_SINK, /\.save$/, PATH_METHOD],
  check(context) {
    const { model } = context;
    // A Streamlit script has no handlers: its uploads are read where the widget is drawn.
    if (model.handlers.length === 0 && model.importsModule('streamlit')) streamlitUploads(context);
    const reported = new Set<string>();
    for (const { node, callee } of context.calls) {
      const handler = model.enclosingHandler(node);
      if (!handler || !callee) continue;
      const kind = URL_SINK.test(callee) ? 'url' : 'path';
      const key = `${handler.node.id}:${kind}`;
      if (reported.has(key)) continue;
      const input = requestDerived(model, handler, CLEANED);
      if (kind === 'url' ? URL_GUARD.test(input.text) : PATH_GUARD.test(input.text)) continue;
      const args = node.childForFieldName('arguments');
      if (!PATH_SINK.test(callee) && !/\.save$/.test(callee) && PATH_METHOD.test(callee)) {
        // `path.write_bytes(data)`: the receiver is the path; a module's `open` (gzip.open) names none here.
        const receiver = node.childForFieldName('function')?.childForFieldName('object');
        if (!receiver || !input.mentions(receiver.text)) continue;
        reported.add(key);
        context.report({ node, messageId: kind, data: { handler: handler.name, callee } });
        continue;
      }
      // The address is the first argument; any part of a joined path counts.
      const checked = kind === 'url' || callee === 'os.path.join' ? (kind === 'url' ? args?.namedChildren.slice(0, 1) : args?.namedChildren) : args?.namedChildren.slice(0, 1);
      // Bytes in an in-memory buffer (`Image.open(BytesIO(request.data))`) are content, not a name.
      const named = (text: string) => kind === 'url' || !IN_MEMORY.test(text);
      if (!checked?.some((arg) => arg && arg.type !== 'keyword_argument' && named(arg.text) && input.mentions(kind === 'url' ? urlHead(arg.text) : arg.text))) continue;
      reported.add(key);
      context.report({ node, messageId: kind, data: { handler: handler.name, callee } });
    }
  },
});

/**
 * The part of a URL argument that picks the host: the whole expression, unless it is a string
 * starting with a literal scheme and host (`f"http://feature-store/users/{user_id}"` only picks a
 * path on a fixed server) or a concatenation whose left end is such a string.
 */
function urlHead(text: string): string {
  if (/^[rRbBuUfF]{0,2}["'](https?:\/\/[^{"'/\s]+)?/.test(text)) {
    const literal = /^[rRbBuUfF]{0,2}["']https?:\/\/[^{"'/\s]+[/"']/.test(text);
    if (literal) return '';
    // `f"{base}/path"`: the first interpolation picks the host.
    return /^[rRbBuUfF]{0,2}["']\{([^}]*)\}/.exec(text)?.[1] ?? '';
  }
  return text;
}

/** `files = st.file_uploader(...)`, `st.sidebar.file_uploader(...)`, and the walrus form. */
const UPLOADER = /(?:^[ \t]*(?:(?:el)?if[ \t]+|while[ \t]+)?|\(\s*)([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?(?::=|=)[ \t]*(?:st|streamlit)\s*\.\s*(?:sidebar\s*\.\s*)?file_uploader\s*\(/gm;
const FOR_EACH = /^[ \t]*for[ \t]+([A-Za-z_]\w*)[ \t]+in[ \t]+([A-Za-z_]\w*)[ \t]*:/gm;
const DEFINITION = /^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)/gm;
const ASSIGNED = /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*([^\n]+)$/gm;

/**
 * Streamlit's `UploadedFile.name` is the file name the browser sent: a path built from it
 * (`open(os.path.join("data", uploaded.name), "wb")`, `f"/tmp/{uploaded.name}"`) lets a crafted
 * upload write outside the folder, and makes two visitors' uploads of one name collide. Followed
 * from the widget through `for f in files:` loops and into a same-file helper it is handed to
 * (`save_uploaded_file(uploaded_file)`), and through one assignment of a path built from it.
 * A function (or script body) that sanitises the name (secure_filename, basename, resolve, uuid) is left alone.
 */
function streamlitUploads(context: PythonContext): void {
  const { model } = context;
  const source = model.source.replace(/#[^\n]*/g, '');
  if (!/file_uploader\s*\(/.test(source)) return;
  const uploads = new Set<string>();
  for (const m of source.matchAll(UPLOADER)) uploads.add(m[1]);
  if (uploads.size === 0) return;
  const parameters = new Map<string, string[]>();
  for (const m of source.matchAll(DEFINITION))
    parameters.set(
      m[1],
      m[2].split(',').map((p) => p.split(/[:=]/)[0].trim()),
    );
  for (let pass = 0; pass < 2; pass++) {
    for (const m of source.matchAll(FOR_EACH)) if (uploads.has(m[2])) uploads.add(m[1]);
    for (const [name, params] of parameters) {
      const calls = source.matchAll(new RegExp(`(?<!def[ \\t]+)\\b${name}\\s*\\(([^()\\n]*)\\)`, 'g'));
      for (const c of calls) c[1].split(',').forEach((arg, i) => uploads.has(arg.trim()) && params[i] && uploads.add(params[i]));
    }
  }
  const named = new RegExp(`\\b(?:${[...uploads].join('|')})\\.name\\b`);
  const paths = new Set<string>();
  for (const m of source.matchAll(ASSIGNED)) if (named.test(m[2]) && !/^\s*(st|streamlit)\./.test(m[2])) paths.add(m[1]);
  const holds = (text: string) => named.test(text) || (text.match(/\w+/g) ?? []).some((w) => paths.has(w));
  const done = new Set<number>();
  for (const call of context.calls) {
    if (!call.callee || !PATH_SINK.test(call.callee)) continue;
    const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
    const checked = call.callee === 'os.path.join' ? args : args.slice(0, 1);
    if (!checked.some((arg) => arg && arg.type !== 'keyword_argument' && holds(arg.text))) continue;
    const scope = call.inFunction?.id ?? -1;
    // The function around the sink, or in a script body the sink and the paths it is handed.
    const scopeText = call.inFunction
      ? model.source.slice(call.inFunction.startIndex, call.inFunction.endIndex).replace(/#[^\n]*/g, '')
      : [call.node.text, ...[...source.matchAll(ASSIGNED)].filter((m) => paths.has(m[1]) && call.node.text.includes(m[1])).map((m) => m[2])].join('\n');
    if (done.has(scope) || PATH_GUARD.test(scopeText)) continue;
    done.add(scope);
    const handler = call.inFunction?.childForFieldName('name')?.text ?? 'main';
    context.report({ node: call.node, messageId: 'upload', data: { handler, callee: call.callee } });
  }
}
