import type { Node } from 'web-tree-sitter';
import { l, pythonRule, type PythonContext } from '../../rule';

/** Names that hold a password (not its hash, its length or its field name). */
const PASSWORD = /\b\w*(password|passwd|passphrase|pwd)\w*\b/i;
const NOT_A_PASSWORD = /(hash|hashed|digest|field|name|label|prompt|length|len|policy)$/i;

function namesPassword(text: string): boolean {
  return (text.match(new RegExp(PASSWORD.source, 'gi')) ?? []).some((name) => !NOT_A_PASSWORD.test(name));
}

/**
 * An empty hash object fed the password afterwards: `m = hashlib.sha256()` then
 * `m.update(password.encode())` in the same function (or at module level), the same fast hash.
 */
function fedPassword(context: PythonContext, node: Node, scope: Node | undefined): boolean {
  const target = node.parent?.type === 'assignment' ? node.parent.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return false;
  return context.model.calls.some((call) => {
    if (call.inFunction?.id !== scope?.id || call.node.startIndex < node.endIndex) return false;
    if (call.node.childForFieldName('function')?.text !== `${target.text}.update`) return false;
    const fed = call.node.childForFieldName('arguments')?.namedChildren[0];
    return !!fed && namesPassword(fed.text);
  });
}

export default pythonRule({
  id: 'fast-password-hash',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-916', 'CWE-328', 'B324', 'S324'],
  messages: {
    fast: l(
      '비밀번호를 빠른 해시 {callee}로 저장합니다 — 유출된 해시는 GPU로 초당 수십억 번 대입해 볼 수 있습니다',
      'The password is hashed with the fast hash {callee} — a leaked hash can be brute-forced at billions of guesses per second on a GPU',
    ),
  },
  docs: {
    summary: l(
      'hashlib.md5/sha1/sha256/sha512(...)에 비밀번호를 넣는 코드(해시 객체의 `.update()`로 넣는 경우 포함)를 찾습니다. 비밀번호에는 bcrypt, argon2, scrypt, pbkdf2_hmac처럼 느리고 솔트가 있는 해시가 필요합니다.',
      'Flags a password passed to hashlib.md5/sha1/sha256/sha512, directly or through `.update()` on the hash object. Passwords need a slow, salted hash: bcrypt, argon2, scrypt or pbkdf2_hmac.',
    ),
    why: l(
      'SHA-256은 빠르게 만들어졌습니다. 솔트 없는 빠른 해시는 미리 계산된 표로 바로 풀리고, 솔트가 있어도 흔한 비밀번호는 몇 분이면 찾습니다.',
      'SHA-256 is built to be fast. An unsalted fast hash falls to precomputed tables at once, and even with a salt common passwords are found in minutes.',
    ),
    bad: 'import hashlib\n\ndef hash_password(password: str) -> str:\n    return hashlib.sha256(password.encode()).hexdigest()\n',
    good: 'import bcrypt\n\ndef hash_password(password: str) -> bytes:\n    # TODO: 작업 계수(rounds)는 얼마로 할까요? 로그인 한 번에 몇 ms를 쓸 수 있나요?\n    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())\n',
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      '사용자 표가 유출되면, 공격자가 흔한 비밀번호 백만 개를 {callee}로 대입해 보는 데 얼마나 걸릴까요?',
      'If the users table leaked, how long would it take an attacker to try a million common passwords with {callee}?',
    ),
    l('같은 비밀번호를 쓰는 두 사용자의 해시는 같을까요? 왜 그게 문제일까요?', 'Do two users with the same password get the same hash? Why does that matter?'),
  ],
  scaffold: {
    ko: '# TODO: 비밀번호 해시 바꾸기\n# 고려사항:\n# - bcrypt, argon2(argon2-cffi), hashlib.scrypt, hashlib.pbkdf2_hmac 중 무엇을 쓸까요?\n# - 사용자마다 다른 솔트는 어디에 저장하나요? (라이브러리가 해시에 넣어 주나요?)\n# - 이미 저장된 SHA 해시는 다음 로그인 때 어떻게 옮길까요?\n# TODO: 느리고 솔트가 있는 해시로 교체\n',
    en: '# TODO: change the password hash\n# Consider:\n# - bcrypt, argon2 (argon2-cffi), hashlib.scrypt or hashlib.pbkdf2_hmac?\n# - where does the per-user salt live? (does the library put it in the hash?)\n# - how are stored SHA hashes migrated at the next login?\n# TODO: switch to a slow, salted hash\n',
  },
  callees: [/^hashlib\.(md5|sha1|sha224|sha256|sha384|sha512|sha3_256|sha3_512|blake2b|blake2s)$/, /^hashlib\.new$/],
  check(context) {
    for (const { node, callee, inFunction } of context.calls) {
      const args = node.childForFieldName('arguments');
      if (!args) continue;
      // The hashed value: the first argument (the second of `hashlib.new("sha256", data)`).
      const value = callee === 'hashlib.new' ? args.namedChildren[1] : args.namedChildren[0];
      if (value ? namesPassword(value.text) : fedPassword(context, node, inFunction)) context.report({ node, messageId: 'fast', data: { callee: callee! } });
    }
  },
});
