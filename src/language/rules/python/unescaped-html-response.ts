import { requestDerived } from '../../python/request-derived';
import { l, pythonRule } from '../../rule';
import type { Node } from 'web-tree-sitter';

/** An HTML tag in a string's text: `<pre>`, `</h1>`, `<a href="/">`. */
const HTML_TAG = /<\/?[a-zA-Z][\w-]*(\s[^<>]*)?>/;
/** The value is escaped where it is interpolated. */
const ESCAPED = /^(html\.escape|markupsafe\.escape|escape|Markup\.escape|bleach\.clean|flask\.escape|cgi\.escape|quote)\s*\(/;
/**
 * Assignments that end the client's control of the text: numbers (a model's prediction, a
 * conversion, a length), a classifier's fixed label or score, and escaping.
 * `answer = llm(question)` keeps it: generated text follows the question.
 */
const SANITISERS =
  /\.predict(_proba)?\s*\(|\b(float|int|len|round|bool|abs)\s*\(|\bnp\.|\bnumpy\.|\.argmax\s*\(|\.item\s*\(\)|\[\s*['"](label|score|class|confidence|prob\w*)['"]\s*\]|escape\s*\(|bleach\.clean|secure_filename/;
/** Calls that send the string back as the page. */
const RESPONSE_CALL = /\b(HTMLResponse|make_response|Response|HttpResponse|render_template_string)\s*\(/;
/** Frameworks whose handlers answer a returned string as JSON unless told otherwise. */
const JSON_BY_DEFAULT: ReadonlySet<string> = new Set(['fastapi', 'bentoml', 'ray-serve', 'aws-lambda', 'grpc', 'gradio']);

export default pythonRule({
  id: 'unescaped-html-response',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-79', 'CWE-1336', 'semgrep:python.flask.security.xss', 'B701', 'B704'],
  messages: {
    page: l(
      "핸들러 '{handler}'가 클라이언트가 정한 값 {value}을(를) 이스케이프 없이 HTML에 넣어 돌려줍니다 — <script>가 든 입력(또는 그런 답을 내도록 유도된 모델 출력)이 그대로 브라우저에서 실행됩니다",
      "The handler '{handler}' puts a client-chosen value ({value}) into HTML without escaping it — input holding <script> (or model output steered into writing it) runs in the browser as is",
    ),
    template: l(
      "핸들러 '{handler}'가 클라이언트가 정한 값 {value}으로 템플릿 문자열을 만들어 render_template_string에 넘깁니다 — {{ }}가 든 입력은 서버에서 템플릿 코드로 실행됩니다",
      "The handler '{handler}' builds the template text itself from a client-chosen value ({value}) and renders it — input holding {{ }} runs on the server as template code",
    ),
    streamlit: l(
      'Streamlit이 사용자가 입력한 글(또는 그에 대한 모델의 답) {value}을(를) unsafe_allow_html로 그대로 HTML로 그립니다 — <img onerror=...>가 든 입력이 이 페이지를 보는 사람의 브라우저에서 실행됩니다',
      "Streamlit renders {value}, text the user typed (or a chat message holding a model's answer to it), as raw HTML (unsafe_allow_html) — input holding <img onerror=...> runs in the browser of whoever views the page",
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러가 f-string으로 만든 HTML에 요청 값(또는 그 값으로 만든 LLM 답변)을 이스케이프 없이 넣어 돌려주는 경우와, render_template_string에 넘길 템플릿 자체를 요청 값으로 만드는 경우, Streamlit이 입력 위젯의 글이나 채팅 메시지 내용을 unsafe_allow_html로 그리는 경우를 찾습니다. 모델의 숫자 예측, html.escape/markupsafe.escape를 거친 값, JSON으로 응답하는 FastAPI 핸들러(HTMLResponse가 아닌 경우)는 제외합니다.',
      "Flags request handlers that return HTML built with an f-string holding a request value (or an LLM answer generated from one) without escaping it, handlers that build the template text handed to render_template_string from a request value, and Streamlit pages that render an input widget's text or a chat message's content with unsafe_allow_html. A model's numeric prediction, values passed through html.escape or markupsafe.escape, and FastAPI handlers that answer JSON (not HTMLResponse) are left alone.",
    ),
    why: l(
      'Jinja 템플릿은 값을 자동으로 이스케이프하지만, 문자열로 직접 만든 HTML은 그렇지 않습니다. 사용자 이름, 검색어, 그리고 사용자가 유도할 수 있는 LLM 답변이 그대로 페이지에 들어가면 그 페이지를 여는 사람의 브라우저에서 스크립트가 실행됩니다(XSS). 템플릿 문자열 자체를 입력으로 만들면 더 나빠서, {{ }} 안의 코드가 서버에서 실행됩니다(SSTI).',
      'Jinja templates escape values for you; HTML built as a string does not. A user name, a search term, or an LLM answer the user can steer, placed into the page as is, runs script in the browser of whoever opens it (XSS). Building the template text itself from input is worse: the code inside {{ }} runs on the server (SSTI).',
    ),
    bad: 'from flask import Flask, request\n\napp = Flask(__name__)\n\n@app.route("/greet")\ndef greet():\n    name = request.args.get("name", "")\n    return f"<h1>Hello {name}</h1>"\n',
    good: 'from flask import Flask, render_template, request\n\napp = Flask(__name__)\n\n@app.route("/greet")\ndef greet():\n    name = request.args.get("name", "")\n    # TODO: 템플릿이 값을 이스케이프하게 하려면 templates/greet.html에 무엇을 써야 할까요?\n    return render_template("greet.html", name=name)\n',
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      "'{handler}'에 <script>alert(1)</script>를 보내면 돌아온 페이지에서 무슨 일이 생길까요? 그 값이 LLM의 답이라면, 사용자가 그런 답을 유도할 수 있을까요?",
      "What happens on the returned page if someone sends <script>alert(1)</script> to '{handler}'? And if the value is an LLM answer, can a user steer it into writing that?",
    ),
    l('이 페이지를 템플릿으로 옮기면, 값을 이스케이프하는 일은 누가 맡게 되나요?', 'If this page moved into a template, who would take care of escaping the values?'),
  ],
  scaffold: {
    ko: '# TODO: 사용자 값을 HTML에 넣기 전에 이스케이프하기\n# 고려사항:\n# - render_template(파일 템플릿)으로 옮기면 자동 이스케이프가 적용되나요?\n# - 문자열로 만들어야 한다면 html.escape / markupsafe.escape를 어디에 두어야 하나요?\n# - LLM 답변도 사용자 입력처럼 다뤄야 할까요?\n',
    en: '# TODO: escape user values before they go into HTML\n# Consider:\n# - would moving to render_template (a file template) escape them for you?\n# - if the page must stay a string, where do html.escape / markupsafe.escape go?\n# - should an LLM answer be treated like user input?\n',
  },
  // Every f-string with an interpolation; whether it is HTML, reaches the response and holds
  // client text is decided in `check`.
  query: '(string (interpolation) @value) @string',
  check(context) {
    const { model } = context;
    const reported = new Set<number>();
    for (const { captures } of context.matches) {
      const string = captures.string;
      const handler = model.enclosingHandler(string);
      if (!handler) {
        const expression = captures.value.childForFieldName('expression') ?? captures.value.namedChildren[0];
        if (expression && !ESCAPED.test(expression.text) && HTML_TAG.test(string.text) && streamlitRaw(string) && typedText(model.source, string, expression.text))
          context.report({ node: captures.value, messageId: 'streamlit', data: { value: expression.text } });
        continue;
      }
      if (reported.has(handler.node.id)) continue;
      const template = isArgumentOf(string, 'render_template_string');
      if (!template && !HTML_TAG.test(string.text)) continue;
      const expression = captures.value.childForFieldName('expression') ?? captures.value.namedChildren[0];
      if (!expression || ESCAPED.test(expression.text)) continue;
      const input = requestDerived(model, handler, SANITISERS);
      if (!input.mentions(expression.text)) continue;
      if (!template) {
        if (handler.framework && JSON_BY_DEFAULT.has(handler.framework) && !input.text.includes('HTMLResponse') && !decoratorText(handler.node).includes('HTMLResponse')) continue;
        if (!reachesResponse(string, input.text)) continue;
      }
      reported.add(handler.node.id);
      context.report({ node: captures.value, messageId: template ? 'template' : 'page', data: { handler: handler.name, value: expression.text } });
    }
  },
});

/** `st.markdown(f"...", unsafe_allow_html=True)` (or `st.write`, `st.caption`), or `st.html(...)`: the string is drawn as HTML. */
function streamlitRaw(string: Node): boolean {
  const call = string.parent?.type === 'argument_list' ? string.parent.parent : undefined;
  const callee = call?.childForFieldName('function')?.text ?? '';
  if (/(^|\.)html$/.test(callee) && /^(st|streamlit|components(\.v1)?)\./.test(callee)) return true;
  return /\.(markdown|write|caption)$/.test(callee) && /\bunsafe_allow_html\s*=\s*True\b/.test(call?.text ?? '');
}

/** Widgets whose value is what the visitor typed. */
const TYPED = /^[ \t]*(?:if\s+|while\s+)?\(?\s*(\w+)\s*:?=\s*(?:st|streamlit)\.(?:sidebar\.)?(?:chat_input|text_input|text_area)\s*\(/gm;

/**
 * The interpolated value is the visitor's text: a name the same top-level statement fills from
 * `st.chat_input`/`st.text_input`/`st.text_area` (`if prompt := st.chat_input():`), or a chat
 * message's content (`message["content"]`), which holds what users and the model wrote.
 */
function typedText(source: string, string: Node, value: string): boolean {
  if (/\[\s*['"]content['"]\s*\]|\.content\b/.test(value)) return true;
  let top: Node = string;
  while (top.parent && top.parent.type !== 'module') top = top.parent;
  const text = source.slice(top.startIndex, top.endIndex);
  for (const m of text.matchAll(TYPED)) if (new RegExp(`\\b${m[1]}\\b`).test(value)) return true;
  return false;
}

/** Is this node (directly) an argument of a call to `name`? */
function isArgumentOf(node: Node, name: string): boolean {
  const call = node.parent?.type === 'argument_list' ? node.parent.parent : undefined;
  const callee = call?.childForFieldName('function')?.text;
  return callee !== undefined && (callee === name || callee.endsWith(`.${name}`));
}

/** The decorators above a handler (`@app.post("/", response_class=HTMLResponse)`). */
function decoratorText(node: Node): string {
  const decorated = node.type === 'decorated_definition' ? node : node.parent?.type === 'decorated_definition' ? node.parent : undefined;
  return decorated
    ? decorated.namedChildren
        .filter((child) => child.type === 'decorator')
        .map((d) => d.text)
        .join('\n')
    : '';
}

/** Is the string the page sent back: returned, passed to a response, or assigned to a name that is? */
function reachesResponse(string: Node, handlerText: string): boolean {
  for (let node: Node | null = string.parent; node; node = node.parent) {
    if (node.type === 'return_statement') return true;
    if (node.type === 'call' && RESPONSE_CALL.test(`${node.childForFieldName('function')?.text ?? ''}(`)) return true;
    if (node.type === 'assignment') {
      const name = node.childForFieldName('left');
      if (name?.type !== 'identifier') return false;
      const used = new RegExp(`\\breturn\\b[^\\n]*\\b${name.text}\\b|${RESPONSE_CALL.source}[^)]*\\b${name.text}\\b`);
      return used.test(handlerText);
    }
    if (node.type === 'function_definition' || node.type === 'expression_statement') return false;
  }
  return false;
}
