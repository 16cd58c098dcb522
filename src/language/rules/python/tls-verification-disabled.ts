import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** Keywords that turn certificate checking off when set to False, whatever the HTTP client. */
const VERIFY_KEYWORD = /^(verify|verify_certs|verify_ssl|ssl_verify|check_hostname)$/;
/** `verify=False` means "skip the signature" for a JWT decoder: another lesson, not this one. */
const SIGNATURE_DECODE = /(^|\.)(decode|decode_complete|verify_jwt)$/;
/** `ssl=False` skips verification in aiohttp only; elsewhere (Redis, Mongo) it means "no TLS at all". */
const AIOHTTP_CALL = /^aiohttp\.|\.(get|post|put|patch|delete|head|options|request|ws_connect)$|(^|\.)TCPConnector$/;

export default pythonRule({
  id: 'tls-verification-disabled',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'warning',
  anchors: ['B501', 'B323', 'S501', 'S323', 'CWE-295'],
  messages: {
    keyword: l(
      '{callee}가 {keyword}=False로 인증서를 확인하지 않습니다 — 같은 네트워크의 누구든 상대 서버인 척하고 요청(토큰·데이터)을 읽거나 응답(모델·결과)을 바꿀 수 있습니다',
      '{callee} is called with {keyword}=False, so the certificate is not checked — anyone on the network path can pose as the server, read the request (tokens, data) and change the answer (a model, a result)',
    ),
    attribute: l(
      '{target} = {value}로 이 클라이언트의 인증서 확인을 끕니다 — 이후의 모든 연결이 상대 서버를 확인하지 않습니다',
      '{target} = {value} turns certificate checking off for this client — every later connection trusts whoever answers',
    ),
    process: l(
      '확인하지 않는 SSL 컨텍스트({value})를 씁니다 — 이 컨텍스트로 연 연결은(기본값으로 바꾸면 프로세스의 모든 HTTPS 연결이) 상대 서버를 확인하지 않습니다',
      'An unverified SSL context ({value}) is used — connections made with it (every HTTPS connection of the process, when it becomes the default) trust whoever answers',
    ),
  },
  docs: {
    summary: l(
      'TLS 인증서 확인을 끄는 코드를 찾습니다: requests/httpx/boto3 같은 클라이언트의 verify=False(verify_certs, verify_ssl 포함), aiohttp의 ssl=False, session.verify = False, check_hostname = False와 CERT_NONE, ssl._create_unverified_context. 테스트 파일과 JWT 디코더의 verify 인자는 제외합니다.',
      'Flags code that turns TLS certificate checking off: verify=False (and verify_certs, verify_ssl) on clients such as requests, httpx and boto3, ssl=False in aiohttp, session.verify = False, check_hostname = False and CERT_NONE, and ssl._create_unverified_context. Test files and the verify argument of JWT decoders are left alone.',
    ),
    why: l(
      '인증서 확인은 "지금 말하는 상대가 그 서버가 맞는가"를 확인하는 유일한 장치입니다. 끄면 암호화는 되지만 상대가 누구인지 모르는 채로 API 키를 보내고, 내려받은 모델과 데이터를 믿게 됩니다. 보통 자체 서명 인증서나 사내 프록시 때문에 끄는데, 그 인증서(또는 사내 CA)를 verify에 경로로 주면 확인을 유지한 채 해결됩니다.',
      'Certificate checking is the only thing that tells you the other end is the server you meant. Turned off, the traffic is still encrypted, but the API key goes to whoever answers, and the model or data downloaded is trusted whatever its source. It is usually turned off for a self-signed certificate or a corporate proxy; passing that certificate (or the company CA bundle) as verify keeps the check and solves the problem.',
    ),
    bad: "import requests\n\ndef fetch_features(user_id):\n    r = requests.get(f'https://features.internal/users/{user_id}', verify=False, timeout=5)\n    return r.json()\n",
    good: "import os\n\nimport requests\n\nCA_BUNDLE = os.environ.get('FEATURES_CA_BUNDLE', True)\n\ndef fetch_features(user_id):\n    # TODO: 이 서버의 인증서는 누가 발급했나요? 그 CA를 어디에 두고 어떻게 배포할까요?\n    r = requests.get(f'https://features.internal/users/{user_id}', verify=CA_BUNDLE, timeout=5)\n    return r.json()\n",
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      '확인을 끈 이유는 무엇이었나요? 자체 서명 인증서였다면, 그 인증서를 신뢰하도록 알려 주는 방법은 없을까요?',
      'Why was the check turned off? If it was a self-signed certificate, is there a way to tell the client to trust that certificate instead?',
    ),
    l(
      '이 연결로 오가는 것(API 키, 사용자 데이터, 내려받는 모델) 중, 중간에서 누군가 읽거나 바꾸면 가장 곤란한 것은 무엇인가요?',
      'Of what travels over this connection (an API key, user data, a downloaded model), which would hurt most if someone in the middle read or changed it?',
    ),
    l(
      '이 코드가 개발 환경이 아니라 운영 환경에서 돌 때도 확인이 꺼져 있어야 하나요? 환경마다 다르게 하려면?',
      'Should the check stay off when this code runs in production rather than on your laptop? How would it differ per environment?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 인증서 확인을 켠 채로 연결하기\n# 고려사항:\n# - 확인을 끈 원인은? (자체 서명 인증서, 사내 프록시, 만료된 인증서)\n# - 신뢰할 CA 번들 경로를 verify에 주거나 REQUESTS_CA_BUNDLE로 설정할 수 있나요?\n# - 개발용 예외가 꼭 필요하다면, 운영에서는 켜지도록 어떻게 보장할까요?\n# TODO: verify=False 제거\n',
    en: '# TODO: connect with certificate checking on\n# Consider:\n# - why was it turned off? (a self-signed certificate, a corporate proxy, an expired certificate)\n# - can verify take the path of the CA bundle to trust, or REQUESTS_CA_BUNDLE point to it?\n# - if a development exception is needed, how do you make sure production keeps the check?\n# TODO: drop verify=False\n',
  },
  // A keyword argument set to the literal False, and an attribute assigned False or an attribute
  // path (`ctx.verify_mode = ssl.CERT_NONE`): structural patterns, names checked in `check`.
  query: `
(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument name: (identifier) @keyword value: (false)))) @call

(assignment
  left: (attribute attribute: (identifier) @attribute) @target
  right: [(false) (attribute)] @value) @assignment
`,
  callees: ['ssl._create_unverified_context'],
  check(context) {
    if (isTestPath(context.path)) return;
    const { model } = context;
    const aiohttp = model.importsModule('aiohttp');
    for (const { captures } of context.matches) {
      if (captures.call) {
        const keyword = captures.keyword.text;
        const callee = model.resolve(captures.callee) ?? captures.callee.text;
        const turnsOff = (VERIFY_KEYWORD.test(keyword) && !SIGNATURE_DECODE.test(callee)) || (keyword === 'ssl' && aiohttp && AIOHTTP_CALL.test(callee));
        if (turnsOff) context.report({ node: captures.call, messageId: 'keyword', data: { callee, keyword } });
      } else if (captures.assignment) {
        const attribute = captures.attribute.text;
        const value = captures.value.text;
        if ((attribute === 'verify' || attribute === 'check_hostname') && value === 'False')
          context.report({ node: captures.assignment, messageId: 'attribute', data: { target: captures.target.text, value } });
        else if (attribute === 'verify_mode' && /(^|\.)CERT_NONE$/.test(value))
          context.report({ node: captures.assignment, messageId: 'attribute', data: { target: captures.target.text, value } });
        else if (attribute === '_create_default_https_context' && /(^|\.)_create_unverified_context$/.test(value))
          context.report({ node: captures.assignment, messageId: 'process', data: { value } });
      }
    }
    // A call, so the assignment pattern above (an attribute value) leaves it to this loop.
    for (const { node } of context.calls) context.report({ node, messageId: 'process', data: { value: 'ssl._create_unverified_context()' } });
  },
});
