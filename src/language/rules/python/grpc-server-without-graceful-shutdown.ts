import { l, pythonRule } from '../../rule';

const SERVER = /^grpc(\.aio)?\.server$/;
/** SIGTERM handled in this file: `signal.signal(signal.SIGTERM, ...)`, an asyncio signal handler. */
const SIGTERM_HANDLED = /\bsignal\.signal\s*\(\s*(signal\.)?SIG(TERM|INT)\b|\badd_signal_handler\s*\(/;

export default pythonRule({
  id: 'grpc-server-without-graceful-shutdown',
  language: 'python',
  category: 'reliability',
  // Warning: every rollout, scale-down or node drain sends SIGTERM; without a handler the RPCs in flight fail.
  severity: 'warning',
  anchors: ['gap:graceful-shutdown'],
  messages: {
    noGrace: l(
      'gRPC 서버가 SIGTERM을 처리하지 않습니다 — 배포·축소 때마다 처리 중인 RPC가 끊깁니다 (server.stop(grace)가 불리지 않음)',
      'The gRPC server does not handle SIGTERM — every rollout or scale-down cuts the RPCs in flight (server.stop(grace) is never called)',
    ),
  },
  docs: {
    summary: l(
      'grpc.server()를 만들지만 SIGTERM 핸들러(그리고 그 안의 server.stop(grace))가 없는 파일을 찾습니다.',
      'Flags a file that builds grpc.server() but installs no SIGTERM handler (to call server.stop(grace) from).',
    ),
    why: l(
      '쿠버네티스는 파드를 내릴 때 SIGTERM을 보내고 유예 시간 뒤 SIGKILL을 보냅니다. Python gRPC 서버는 SIGTERM에 아무것도 하지 않으므로 프로세스가 그냥 죽고, 처리 중인 예측 요청은 UNAVAILABLE로 실패합니다. Ctrl-C(KeyboardInterrupt)만 잡는 코드도 마찬가지입니다.',
      'Kubernetes sends SIGTERM when it takes a pod down, then SIGKILL after the grace period. A Python gRPC server does nothing on SIGTERM, so the process just dies and the predictions in flight fail with UNAVAILABLE. Code that only catches Ctrl-C (KeyboardInterrupt) is no different.',
    ),
    bad: "from concurrent import futures\nimport grpc\n\ndef serve():\n    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))\n    server.add_insecure_port('[::]:50051')\n    server.start()\n    server.wait_for_termination()\n",
    good: "import signal\nfrom concurrent import futures\nimport grpc\n\ndef serve():\n    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))\n    server.add_insecure_port('[::]:50051')\n    server.start()\n\n    def on_sigterm(signum, frame):\n        # TODO: 유예 시간은 파드의 terminationGracePeriodSeconds보다 짧아야 할까요?\n        # TODO: 헬스 서비스를 먼저 NOT_SERVING으로 바꿀까요?\n        server.stop(grace=None)  # TODO: 몇 초를 줄지 정하세요\n\n    signal.signal(signal.SIGTERM, on_sigterm)\n    server.wait_for_termination()\n",
  },
  weeks: ['intermediate/7', 'intermediate/3'],
  questions: [
    l(
      '새 버전을 배포하거나 인스턴스를 줄이느라 이 프로세스가 종료될 때, 그 순간 처리 중이던 예측 요청은 어떻게 될까요?',
      'When this process is stopped for a new release or a scale-down, what happens to the predictions being served at that moment?',
    ),
    l(
      'SIGTERM을 받은 뒤 서버는 무엇을 먼저 해야 할까요? 새 요청 거절, 헬스 상태 변경, 남은 요청 마무리의 순서를 생각해 보세요.',
      'After SIGTERM, what should the server do first? Think about the order: refuse new calls, change the health status, finish the calls in flight.',
    ),
    l(
      '플랫폼이 프로세스를 강제로 끝내기 전까지 얼마나 기다려 주나요? 유예 시간(grace)은 그보다 길어도 될까요?',
      'How long does the platform wait before it kills the process outright? May the grace period be longer than that?',
    ),
  ],
  scaffold: {
    ko: '# TODO: gRPC 서버의 우아한 종료\n# 고려사항:\n# - SIGTERM 핸들러 등록 (signal.signal)\n# - 헬스 서비스를 NOT_SERVING으로 바꿔 트래픽을 먼저 빼기?\n# - server.stop(grace): 몇 초? terminationGracePeriodSeconds보다 짧게?\n# - stop()이 돌려주는 이벤트를 기다린 뒤 종료하기\n# TODO: 핸들러에서 위 순서대로 종료하기\n',
    en: '# TODO: graceful shutdown of the gRPC server\n# Consider:\n# - register a SIGTERM handler (signal.signal)\n# - set the health service to NOT_SERVING so traffic drains first?\n# - server.stop(grace): how many seconds? shorter than terminationGracePeriodSeconds?\n# - wait on the event stop() returns before exiting\n# TODO: shut down in that order from the handler\n',
  },
  callees: [SERVER],
  check(context) {
    const { model } = context;
    const server = context.calls[0];
    if (!server || SIGTERM_HANDLED.test(model.source)) return;
    // Report where the process waits (or stops): that is where the shutdown is decided.
    const wait =
      model.calls.find((c) => /\.wait_for_termination$/.test(c.callee ?? '')) ?? model.calls.find((c) => /\.stop$/.test(c.callee ?? '') && /server/i.test(c.callee ?? ''));
    context.report({ node: wait?.node ?? server.node, messageId: 'noGrace' });
  },
});
