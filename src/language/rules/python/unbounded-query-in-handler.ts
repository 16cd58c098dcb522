import type { Node } from 'web-tree-sitter';

import { l, pythonRule } from '../../rule';

/** What bounds a result set: a limit, a page, a slice, a single row. */
const BOUNDED = /\.(limit|paginate|slice|offset|first|one|one_or_none|scalar|get|find_one|count|fetchone|fetchmany)\s*\(|\[\s*\d*\s*:|\bLIMIT\b|\bTOP\s+\d/i;
/** A filter on equality only (`filter(User.id == uid)`, `filter_by(id=uid)`): one row or a handful, not a table. */
const EQUALITY_ONLY = /\.filter_by\s*\(|\.filter\s*\((?![^)]*(?:>|<|\bin_\b|\blike\b|\bbetween\b))[^)]*==/;

export default pythonRule({
  id: 'unbounded-query-in-handler',
  language: 'python',
  category: 'scalability',
  severity: 'info',
  anchors: ['gap:unbounded-result-set'],
  messages: {
    unbounded: l(
      "핸들러 '{handler}'가 조회 결과 전체({call})를 limit이나 페이지 없이 읽습니다 — 테이블이 커질수록 응답 시간과 메모리가 끝없이 늘어납니다",
      "The handler '{handler}' reads a whole result set ({call}) with no limit or paging — response time and memory grow with the table, without bound",
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러 안에서 SQLAlchemy `.all()`, 원시 SQL `SELECT` + `fetchall()`, MongoDB `find()`(빈 조건 `{}` 포함), Chroma `collection.get()`을 limit·페이지·동등 조건 없이 모두 읽는 곳을 찾습니다.',
      'Flags request handlers that read a whole SQLAlchemy `.all()`, a raw `SELECT` with `fetchall()`, a MongoDB `find()` (an empty `{}` query included) or a Chroma `collection.get()` with no limit, paging or equality filter.',
    ),
    why: l(
      '예측 기록, 작업 결과 같은 테이블은 서비스가 쓰일수록 계속 자랍니다. 전체를 한 응답에 담으면 처음에는 빠르지만, 몇 달 뒤에는 요청 하나가 수십만 행을 메모리에 올리고 직렬화해 워커를 몇 초씩 붙잡고, 결국 메모리 부족으로 Pod가 죽습니다.',
      'Tables of predictions or task results grow for as long as the service is used. Returning all of it is fast on day one; months later one request loads and serialises hundreds of thousands of rows, holds a worker for seconds, and eventually gets the pod OOM-killed.',
    ),
    bad: 'from fastapi import Depends, FastAPI\n\nfrom db import Prediction, get_db\n\napp = FastAPI()\n\n\n@app.get("/predictions")\ndef list_predictions(db=Depends(get_db)):\n    return db.query(Prediction).all()\n',
    good: 'from fastapi import Depends, FastAPI, Query\n\nfrom db import Prediction, get_db\n\napp = FastAPI()\n\n\n@app.get("/predictions")\ndef list_predictions(limit: int = Query(100, le=1000), offset: int = 0, db=Depends(get_db)):\n    # TODO: 클라이언트는 다음 페이지를 어떻게 요청하나요? (offset, 커서)\n    return db.query(Prediction).order_by(Prediction.id).offset(offset).limit(limit).all()\n',
  },
  weeks: ['intermediate/2'],
  questions: [
    l(
      "'{handler}'가 1년 동안 쓰이면 이 조회는 몇 행을 돌려줄까요? 그때 응답 크기와 시간은?",
      "After a year of use, how many rows would '{handler}' return? How large and how slow would the response be?",
    ),
    l('이 데이터를 보는 사람은 정말 전부가 필요한가요, 아니면 최근 것이나 한 페이지면 되나요?', 'Does whoever reads this really need all of it, or the latest ones, or one page?'),
  ],
  scaffold: {
    ko: '# TODO: 조회 결과에 상한 두기\n# 고려사항:\n# - 한 번에 돌려줄 최대 행 수는? (limit, 상한이 있는 쿼리 파라미터)\n# - 다음 페이지는 어떻게? (offset 또는 커서)\n# - 정렬 기준은? (페이지가 안정적이려면 필요)\n',
    en: '# TODO: put an upper bound on the result set\n# Consider:\n# - the most rows one response returns? (limit, a capped query parameter)\n# - how is the next page requested? (offset or a cursor)\n# - the ordering (needed for stable pages)\n',
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0 || !/\.all\s*\(|fetchall\s*\(|\.find\s*\(|collection\.get\s*\(/i.test(model.source)) return;
    const reported = new Set<number>();
    for (const call of model.calls) {
      const fn = call.node.childForFieldName('function');
      if (fn?.type !== 'attribute') continue;
      const method = fn.childForFieldName('attribute')?.text;
      const receiver = fn.childForFieldName('object');
      if (!receiver || (method !== 'all' && method !== 'fetchall' && method !== 'find' && method !== 'get')) continue;
      if (method === 'get' && !wholeVectorCollection(call.node, receiver)) continue;
      const handler = model.enclosingHandler(call.node);
      if (!handler || reported.has(handler.node.id)) continue;
      // `/debug/embeddings` dumping the collection: the lesson there is that the route ships at all (another rule's).
      if (method === 'get' && /debug/i.test(`${handler.route ?? ''} ${handler.name}`)) continue;
      const chain = outermostChain(call.node).text;
      // A bounded `get` has its bound inside the call (ids, where, limit): judged by wholeVectorCollection.
      if (method !== 'get' && BOUNDED.test(chain.slice(chain.indexOf(receiver.text)))) continue;
      if (method === 'all' && !(/\.query\s*\(|\bselect\s*\(|\.scalars\s*\(|\.execute\s*\(/.test(receiver.text) && !EQUALITY_ONLY.test(receiver.text))) continue;
      if (method === 'find' && !mongoFind(call.node, receiver)) continue;
      if (method === 'fetchall' && !unboundedSelect(model.source.slice(handler.node.startIndex, model.handlerEnd(handler)))) continue;
      reported.add(handler.node.id);
      context.report({ node: call.node, messageId: 'unbounded', data: { handler: handler.name, call: `${method}()` } });
    }
  },
});

/** The whole method chain a call sits in (`coll.find(q).sort(...)`), so a later `.limit()` counts. */
function outermostChain(node: Node): Node {
  let current = node;
  while (current.parent && (current.parent.type === 'attribute' || (current.parent.type === 'call' && current.parent.childForFieldName('function')?.id === current.id)))
    current = current.parent;
  return current;
}

/** `db["x"].find()`, `collection.find({...})`: a collection, with a query document or nothing (not `text.find("a")`). */
function mongoFind(call: Node, receiver: Node): boolean {
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  // `people.find({}, {'_id': False})`: an empty query document is a collection, whatever its name (`str.find` takes a string).
  if (first?.type === 'dictionary' && first.namedChildCount === 0) return true;
  if (!/db|coll|\]$/i.test(receiver.text)) return false;
  return !first || first.type === 'dictionary' || (first.type === 'identifier' && /query|filter|criteria/i.test(first.text));
}

/**
 * Chroma's `collection.get()` (or `vectorstore._collection.get(include=[...])`) with no ids, no
 * `where` and no `limit`: every document, and with `include` every embedding, of the collection.
 * A `.get()` with no positional argument is neither `dict.get` nor `requests.get`.
 */
function wholeVectorCollection(call: Node, receiver: Node): boolean {
  if (!/collection$/i.test(receiver.text)) return false;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.every((arg) => arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'include');
}

/** A literal `SELECT` in the handler with neither a LIMIT nor a WHERE clause. */
function unboundedSelect(handlerText: string): boolean {
  for (const m of handlerText.matchAll(/execute\s*\(\s*[rfbu]*(["']{1,3})([\s\S]*?)\1/gi)) {
    const sql = m[2];
    if (/^\s*select\b/i.test(sql) && !/\b(limit|where|top)\b/i.test(sql)) return true;
  }
  return false;
}
