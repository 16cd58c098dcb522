import type { Node } from 'web-tree-sitter';
import { isSecretCollectionName, isSecretName } from '../../python/secrets';
import { isTestPath } from '../../python/test-code';
import { referenceName, stringValue } from '../../python/nodes';
import { l, pythonRule } from '../../rule';

/** Objects that hold the service's configuration (`settings.API_KEY`, `app.config["TOKEN"]`). */
const CONFIG_OBJECT = /(^|\.)(settings|config|conf|cfg|env|environ|secrets|CONFIG|SETTINGS)$/;
const ENV_LOOKUP = /^(os\.getenv|os\.environ\.get|getenv|env|decouple\.config|config)$/;
const LITERALS = new Set(['string', 'concatenated_string', 'none', 'true', 'false', 'integer', 'float']);

export default pythonRule({
  id: 'timing-unsafe-secret-comparison',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-208', 'gap:constant-time-compare'],
  messages: {
    equal: l(
      "'{name}'를 {operator}로 비교합니다 — 비교 시간이 일치하는 글자 수에 따라 달라집니다",
      "'{name}' is compared with {operator} — the time it takes depends on how many characters match",
    ),
    member: l(
      "요청 값이 '{name}' 목록에 있는지 {operator}로 확인합니다 — 상수 시간 비교가 아닙니다",
      "The request value is looked up in '{name}' with {operator} — not a constant-time comparison",
    ),
  },
  docs: {
    summary: l(
      'API 키, 토큰, 비밀번호, 서명처럼 설정된 비밀값을 요청 값과 ==, !=, in으로 비교하는 코드를 찾습니다. 리터럴과의 비교는 hardcoded-secret이 다룹니다.',
      'Flags configured secrets (API keys, tokens, passwords, signatures) compared with a request value using ==, != or in. Comparisons with a literal are hardcoded-secret’s.',
    ),
    why: l(
      '문자열 비교는 첫 번째로 다른 글자에서 멈춥니다. 응답 시간을 많이 재면 공격자가 키를 한 글자씩 맞춰 나갈 수 있습니다. hmac.compare_digest(secrets.compare_digest)는 길이만 같으면 항상 같은 시간이 걸립니다.',
      'String comparison stops at the first differing character. With enough timing samples an attacker can guess a key one character at a time. hmac.compare_digest (secrets.compare_digest) takes the same time whatever matches.',
    ),
    bad: 'import os\n\nfrom fastapi import Header, HTTPException\n\nAPI_KEY = os.environ["API_KEY"]\n\ndef require_key(x_api_key: str = Header(...)):\n    if x_api_key != API_KEY:\n        raise HTTPException(status_code=401)\n',
    good: 'import os\nimport secrets\n\nfrom fastapi import Header, HTTPException\n\nAPI_KEY = os.environ["API_KEY"]\n\ndef require_key(x_api_key: str = Header(...)):\n    # TODO: 키가 여러 개라면 각각을 compare_digest로 비교할까요, 해시로 저장할까요?\n    if not secrets.compare_digest(x_api_key.encode(), API_KEY.encode()):\n        raise HTTPException(status_code=401)\n',
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      "'{name}'의 첫 글자가 맞을 때와 틀릴 때, 이 비교는 같은 시간이 걸릴까요?",
      "Does this comparison take the same time when the first character of '{name}' matches as when it does not?",
    ),
    l(
      '공격자가 같은 요청을 수만 번 보낼 수 있다면, 응답 시간에서 무엇을 알아낼 수 있을까요? 요청 횟수 제한이 있나요?',
      'If an attacker can send the same request tens of thousands of times, what could response times reveal? Is there a rate limit?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 비밀값을 상수 시간으로 비교하기\n# 고려사항:\n# - hmac.compare_digest / secrets.compare_digest는 bytes 또는 ASCII str을 받습니다\n# - 키가 여러 개라면? (키마다 비교하거나, 해시를 저장하고 조회)\n# - 실패한 시도는 기록하고 횟수를 제한할까요?\n# TODO: == / in 대신 compare_digest 사용\n',
    en: '# TODO: compare the secret in constant time\n# Consider:\n# - hmac.compare_digest / secrets.compare_digest take bytes or ASCII str\n# - several keys? (compare against each, or store hashes and look them up)\n# - should failed attempts be logged and rate limited?\n# TODO: use compare_digest instead of == / in\n',
  },
  query: '(comparison_operator . (_) @left . (_) @right .) @comparison',
  check(context) {
    const { model } = context;
    if (isTestPath(context.path)) return;
    for (const { captures } of context.matches) {
      const { left, right, comparison } = captures;
      const operator = model.source.slice(left.endIndex, right.startIndex).trim().replace(/\s+/g, ' ');
      if (operator === '==' || operator === '!=') {
        // One side is the configured secret, the other a value that is not a literal.
        const secret = configuredSecret(left, model.resolve.bind(model)) ?? configuredSecret(right, model.resolve.bind(model));
        const other = secret?.node === left ? right : left;
        if (secret && !LITERALS.has(other.type) && !configuredSecret(other, model.resolve.bind(model)) && !signatureOnly(secret, other))
          context.report({ node: comparison, messageId: 'equal', data: { name: secret.name, operator } });
      } else if (operator === 'in' || operator === 'not in') {
        const name = referenceName(right);
        if (name && isConfigured(right, name) && (isSecretCollectionName(name) || isSecretName(name)) && !LITERALS.has(left.type))
          context.report({ node: comparison, messageId: 'member', data: { name, operator } });
      }
    }
  },
});

interface Secret {
  readonly node: Node;
  readonly name: string;
  readonly signature: boolean;
}

/**
 * A secret the service holds: a constant (`API_KEY`), a setting (`settings.api_key`,
 * `app.config["SECRET_TOKEN"]`), an environment lookup (`os.getenv("API_TOKEN")`), or a
 * signature computed to check a request against. A lower-case local (`password` from a form)
 * is the caller's value, and comparing two of those reveals nothing.
 */
function configuredSecret(node: Node, resolve: (node: Node) => string | undefined): Secret | undefined {
  if (node.type === 'call') {
    const callee = resolve(node.childForFieldName('function')!) ?? node.childForFieldName('function')?.text ?? '';
    const key = node.childForFieldName('arguments')?.firstNamedChild;
    const name = key ? stringValue(key) : undefined;
    return ENV_LOOKUP.test(callee) && name && isSecretName(name) ? { node, name, signature: false } : undefined;
  }
  const name = referenceName(node);
  if (!name) return undefined;
  if (/signature|hmac/i.test(name) && /expected|computed|calculated|valid/i.test(name)) return { node, name, signature: true };
  return isSecretName(name) && isConfigured(node, name) ? { node, name, signature: false } : undefined;
}

/** `expected_signature == signature`: report only when the other side is a signature too. */
function signatureOnly(secret: Secret, other: Node): boolean {
  return secret.signature && !/signature|sig\b|hmac|digest/i.test(other.text);
}

function isConfigured(node: Node, name: string): boolean {
  if (/^[A-Z][A-Z0-9_]*$/.test(name)) return true;
  const object = (node.type === 'subscript' ? node.childForFieldName('value') : node.childForFieldName('object'))?.text;
  return object !== undefined && CONFIG_OBJECT.test(object);
}
