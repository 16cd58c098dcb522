import { lineAssignedValue } from '../../python/scan';
import { l, pythonRule } from '../../rule';

/** An address on every interface: `[::]:50051`, `0.0.0.0:50051`, `"[::]:" + port`, `f"[::]:{port}"`. */
const ALL_INTERFACES = /^[rfRF]?["'](\[::\]|0\.0\.0\.0|::|\*)(:|["'])/;

export default pythonRule({
  id: 'grpc-plaintext-port',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-319', 'semgrep:grpc-server-insecure-connection'],
  messages: {
    insecure: l('gRPC 서버가 모든 인터페이스에서 암호화 없는 포트({address})를 엽니다', 'The gRPC server opens a plaintext port on every interface ({address})'),
  },
  docs: {
    summary: l(
      'server.add_insecure_port로 모든 인터페이스([::], 0.0.0.0)에 TLS 없는 포트를 여는 코드를 찾습니다(주소를 이름에 담아 넘겨도, `listen_addr = "[::]:50051"`). localhost에만 여는 포트와 add_secure_port는 제외합니다.',
      'Flags server.add_insecure_port on every interface ([::], 0.0.0.0), the address written in the call or held in a name (`listen_addr = "[::]:50051"`): a port with no TLS. Ports bound to localhost and add_secure_port are left alone.',
    ),
    why: l(
      '암호화 없는 포트에서는 요청과 응답(입력 데이터, 예측, 메타데이터의 토큰)이 네트워크에 그대로 보이고, 누구나 RPC를 부를 수 있습니다. 서비스 메시(mTLS)나 내부망 뒤에 있다면 그 사실을 코드나 배포 설정에 남겨 두세요.',
      'On a plaintext port, requests and replies (input data, predictions, tokens in metadata) cross the network in the clear and anyone who reaches the port can call every RPC. If a service mesh (mTLS) or a private network protects it, say so in the code or the deployment.',
    ),
    bad: "from concurrent import futures\nimport grpc\n\ndef serve():\n    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))\n    server.add_insecure_port('[::]:50051')\n    server.start()\n    server.wait_for_termination()\n",
    good: "import os\nfrom concurrent import futures\nimport grpc\n\ndef serve():\n    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))\n    # TODO: 인증서와 키는 어디서 오나요? (K8s Secret, 마운트된 파일) 클라이언트 인증서도 요구할까요?\n    credentials = grpc.ssl_server_credentials([(open(os.environ['TLS_KEY'], 'rb').read(), open(os.environ['TLS_CERT'], 'rb').read())])\n    server.add_secure_port('[::]:50051', credentials)\n    server.start()\n    server.wait_for_termination()\n",
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      '이 포트({address})에 닿을 수 있는 사람은 누구인가요? 그 사람이 RPC를 부르거나 트래픽을 엿보는 것을 무엇이 막나요?',
      'Who can reach this port ({address})? What stops them calling the RPCs or reading the traffic?',
    ),
    l(
      'TLS를 서비스 메시나 로드밸런서가 대신 처리하나요? 그렇다면 그 사실은 어디에 적혀 있나요?',
      'Does a service mesh or a load balancer terminate TLS for this server? If so, where is that written down?',
    ),
  ],
  scaffold: {
    ko: '# TODO: gRPC 포트 보호하기\n# 고려사항:\n# - grpc.ssl_server_credentials로 TLS를 켤까요? 인증서는 어디서 주입하나요?\n# - 메시(mTLS)가 처리한다면 localhost에만 열 수 있나요?\n# - 호출자 인증(메타데이터 토큰, 인터셉터)은 필요한가요?\n# TODO: add_secure_port 또는 바인딩 주소 좁히기\n',
    en: '# TODO: protect the gRPC port\n# Consider:\n# - turn TLS on with grpc.ssl_server_credentials? where are the certificates injected from?\n# - if a mesh (mTLS) handles it, can the port bind to localhost only?\n# - do callers need authentication (metadata token, an interceptor)?\n# TODO: add_secure_port, or narrow the bind address\n',
  },
  callees: [/\.add_insecure_port$/],
  check(context) {
    for (const { node } of context.calls) {
      const address = node.childForFieldName('arguments')?.firstNamedChild;
      // `"[::]:" + port`: the host is the left operand. `listen_addr = "[::]:50051"` (gRPC's own
      // asyncio examples) hands the address over in a name: its assigned value is the address.
      const text =
        address?.type === 'binary_operator'
          ? address.childForFieldName('left')?.text
          : address?.type === 'identifier'
            ? lineAssignedValue(context.model.source, address.text)?.trim()
            : address?.text;
      // The host part only: a port spliced in with braces would read as a template placeholder.
      const host = text ? ALL_INTERFACES.exec(text)?.[1] : undefined;
      if (host) context.report({ node, messageId: 'insecure', data: { address: host } });
    }
  },
});
