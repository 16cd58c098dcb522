import type { Node } from 'web-tree-sitter';
import { matchesInCode } from '../../python/scan';
import { l, pythonRule } from '../../rule';
import { escapeRegExp } from '../../regexp';

/** Producer constructors of the Kafka clients, by resolved name. */
const PRODUCER = /^(kafka\.KafkaProducer|kafka\.producer\.KafkaProducer|confluent_kafka\.(Producer|SerializingProducer)|aiokafka\.AIOKafkaProducer)$/;
const SEND = new Set(['send', 'produce', 'send_and_wait']);

export default pythonRule({
  id: 'producer-never-flushed',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:producer-never-flushed'],
  messages: {
    neverFlushed: l(
      "'{producer}'로 보낸 메시지가 flush()나 close() 없이 버퍼에 남습니다 — 프로세스가 끝나면 아직 전송되지 않은 메시지는 조용히 사라집니다",
      "Messages sent through '{producer}' stay in its buffer with no flush() or close() anywhere — when the process ends, whatever was not yet delivered is silently lost",
    ),
  },
  docs: {
    summary: l(
      '같은 파일에서 만든 Kafka 프로듀서로 메시지를 보내지만(send, produce) 파일 어디에서도 그 프로듀서를 비우거나 닫지 않는(flush, close, aiokafka는 stop) 경우를 찾습니다. 모듈 수준 프로듀서, 인스턴스에 둔 프로듀서(`self._producer`: 같은 클래스의 메서드가 비워야 합니다), 함수 안에서 호출마다 만들고 버리는 프로듀서를 봅니다. 반환하거나 넘겨주는 프로듀서와 `global`로 시작 시 한 번 만드는 프로듀서는 제외합니다.',
      'Flags a Kafka producer created in the file whose send()/produce() calls are never followed by a flush() or close() (stop() for aiokafka) anywhere in the file: a module-level producer, one kept on an instance (`self._producer`, flushed by a method of its own class), or one built inside a function and dropped at return. A producer the function returns or hands on, and one a start-up function builds once through `global`, are left alone.',
    ),
    why: l(
      'send()는 메시지를 메모리 버퍼에 넣고 바로 돌아옵니다. 실제 전송은 백그라운드에서 모아서 일어나므로, 스크립트가 끝나거나 컨테이너가 멈추면 버퍼에 남은 메시지는 보내지지 않습니다. kafka-python은 종료할 때 기다리지 않고(타임아웃 0) 닫기만 하고, confluent-kafka는 아무것도 하지 않습니다. 실패한 전송도 future나 콜백을 보지 않으면 알 수 없습니다.',
      'send() puts the message in an in-memory buffer and returns at once; delivery happens later, in batches, in the background. When the script ends or the container stops, whatever is still buffered is never sent: kafka-python only calls close(timeout=0) at exit, and confluent-kafka does nothing. A failed delivery is invisible too unless the future or a callback is checked.',
    ),
    bad: "import json\n\nfrom kafka import KafkaProducer\n\nproducer = KafkaProducer(bootstrap_servers='kafka:9092')\n\nfor row in rows:\n    producer.send('emails', json.dumps(row).encode())\n",
    good: "import json\n\nfrom kafka import KafkaProducer\n\nproducer = KafkaProducer(bootstrap_servers='kafka:9092')\n\ntry:\n    for row in rows:\n        future = producer.send('emails', json.dumps(row).encode())\n        # TODO: 실패한 전송은 어떻게 알까요? future.add_errback(...)\nfinally:\n    # TODO: 끝나기 전에 버퍼 비우기\n    producer.flush()\n    producer.close()\n",
  },
  weeks: ['intermediate/6'],
  questions: [
    l(
      '마지막 send()가 돌아온 직후 프로세스가 끝나면, 그 메시지는 브로커에 도착했을까요? 어떻게 확인하나요?',
      'If the process ends right after the last send() returns, did that message reach the broker? How would you know?',
    ),
    l(
      '브로커가 잠시 응답하지 않아 전송이 실패하면, 이 코드의 어느 부분이 그 사실을 알게 되나요?',
      'If the broker is briefly unreachable and a delivery fails, which part of this code finds out?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 보낸 메시지가 실제로 전달되게 하기\n# 고려사항:\n# - 종료 전에 producer.flush() 후 producer.close() (try/finally 또는 종료 시그널 처리)\n# - 전송 실패 확인: future.add_errback(...), confluent-kafka는 on_delivery 콜백\n# - 재시도/acks 설정: acks="all", retries\n',
    en: '# TODO: make sure sent messages are delivered\n# Consider:\n# - producer.flush() then producer.close() before exiting (try/finally or a shutdown signal handler)\n# - see failed deliveries: future.add_errback(...), an on_delivery callback in confluent-kafka\n# - delivery settings: acks="all", retries\n',
  },
  check(context) {
    const { model } = context;
    if (!/Producer/.test(model.source)) return;
    // Code, not comments: a TODO that says "flush before exit" has not flushed anything.
    for (const [name, constructor] of model.instances) {
      if (!PRODUCER.test(constructor)) continue;
      const escaped = escapeRegExp(name);
      if (matchesInCode(model.tree, model.source, new RegExp(`\\b${escaped}\\s*\\.\\s*(flush|close|stop)\\s*\\(|\\bwith\\s+${escaped}\\b|closing\\(\\s*${escaped}\\s*\\)`, 'g')))
        continue;
      const send = model.calls.find((call) => {
        const fn = call.node.childForFieldName('function');
        return fn?.type === 'attribute' && fn.childForFieldName('object')?.text === name && SEND.has(fn.childForFieldName('attribute')?.text ?? '');
      });
      if (send) context.report({ node: send.node, messageId: 'neverFlushed', data: { producer: name } });
    }
    // Producers kept on an instance (`self._producer = KafkaProducer(...)`) or built inside a function
    // (one per call, dropped at return): the same buffer, under a name the module-level map does not hold.
    for (const call of model.calls) {
      if (!call.callee || !PRODUCER.test(call.callee) || !call.inFunction) continue;
      const assignment = call.node.parent;
      const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === call.node.id ? assignment.childForFieldName('left') : undefined;
      const name = target?.type === 'attribute' && target.childForFieldName('object')?.text === 'self' ? target.text : target?.type === 'identifier' ? target.text : undefined;
      if (!name || model.instances.has(name)) continue;
      const fn = call.inFunction;
      // `global PRODUCER` then `PRODUCER = KafkaProducer(...)`: a process-wide producer built by a start-up function.
      if (target?.type === 'identifier' && new RegExp(`^\\s*global\\s+[^\\n]*\\b${escapeRegExp(name)}\\b`, 'm').test(fn.text)) continue;
      // A local that is returned or handed on lives past the function: whoever receives it decides when to flush.
      if (
        target?.type === 'identifier' &&
        new RegExp(`\\breturn\\b[^\\n]*\\b${escapeRegExp(name)}\\b|\\byield\\b[^\\n]*\\b${escapeRegExp(name)}\\b|\\bself\\.\\w+\\s*=\\s*${escapeRegExp(name)}\\b`).test(fn.text)
      )
        continue;
      // An instance's producer is flushed by a method of its own class (`close()`, `__exit__`); a local one anywhere in the file.
      const scope = target?.type === 'identifier' ? fn : (enclosingClass(fn) ?? model.tree.rootNode);
      const flushed = model.calls.some((c) => {
        const callee = c.node.childForFieldName('function');
        return (
          callee?.type === 'attribute' &&
          callee.childForFieldName('object')?.text === name &&
          /^(flush|close|stop)$/.test(callee.childForFieldName('attribute')?.text ?? '') &&
          (target?.type === 'identifier' || (c.node.startIndex >= scope.startIndex && c.node.endIndex <= scope.endIndex))
        );
      });
      const escaped = escapeRegExp(name);
      if (flushed || new RegExp(`\\bwith\\s+${escaped}\\b|closing\\(\\s*${escaped}\\s*\\)`).test(scope.text)) continue;
      const send = model.calls.find((c) => {
        const callee = c.node.childForFieldName('function');
        return (
          callee?.type === 'attribute' &&
          callee.childForFieldName('object')?.text === name &&
          SEND.has(callee.childForFieldName('attribute')?.text ?? '') &&
          c.node.startIndex >= scope.startIndex &&
          c.node.endIndex <= scope.endIndex
        );
      });
      if (send) context.report({ node: send.node, messageId: 'neverFlushed', data: { producer: name } });
    }
  },
});

/** The class whose method `fn` is, if any. */
function enclosingClass(fn: Node): Node | undefined {
  for (let current: Node | null = fn.parent; current; current = current.parent) if (current.type === 'class_definition') return current;
  return undefined;
}
