import { l, pythonRule } from '../../rule';

/** Producer constructors of the Kafka and Pulsar clients, by resolved name. */
const PRODUCER = /^(kafka\.KafkaProducer|confluent_kafka\.(Producer|SerializingProducer)|aiokafka\.AIOKafkaProducer|pulsar\.Client\.create_producer)$/;

export default pythonRule({
  id: 'flush-per-message',
  language: 'python',
  local: true,
  category: 'scalability',
  severity: 'warning',
  anchors: ['gap:producer-flush-per-message'],
  messages: {
    flush: l(
      '{producer}.flush()가 루프 안에서 메시지마다 호출됩니다 — 프로듀서의 배치가 사라지고 메시지마다 브로커 왕복을 기다립니다',
      '{producer}.flush() runs inside the loop, once per message — the producer stops batching and waits for a broker round trip per message',
    ),
  },
  docs: {
    summary: l(
      '메시지를 처리하는 루프 안에서 Kafka 프로듀서의 flush()를 매번 호출하는 코드를 찾습니다.',
      'Flags a Kafka producer flushed inside the loop that handles messages, once per message.',
    ),
    why: l(
      '프로듀서는 메시지를 모아(batch) 보내서 처리량을 얻습니다. flush()는 보낸 것이 모두 확인될 때까지 기다리므로, 메시지마다 부르면 처리량이 브로커 왕복 시간에 묶이고 컨슈머 랙이 쌓입니다.',
      'A producer gets its throughput by batching. flush() waits until everything sent is acknowledged, so calling it per message ties throughput to the broker round trip and the consumer lag grows.',
    ),
    bad: "from kafka import KafkaConsumer, KafkaProducer\n\nconsumer = KafkaConsumer('in')\nproducer = KafkaProducer()\n\nfor msg in consumer:\n    producer.send('out', msg.value)\n    producer.flush()\n",
    good: "from kafka import KafkaConsumer, KafkaProducer\n\nconsumer = KafkaConsumer('in')\nproducer = KafkaProducer(linger_ms=10)\n\ntry:\n    for msg in consumer:\n        # TODO: 전송 실패는 어떻게 알까요? (send()의 future, 콜백)\n        producer.send('out', msg.value)\nfinally:\n    # TODO: 종료할 때 한 번 flush하고 닫기\n    producer.flush()\n    producer.close()\n",
  },
  weeks: ['intermediate/6'],
  questions: [
    l(
      '브로커 왕복이 5ms라면, 메시지마다 flush하는 이 루프는 초당 최대 몇 개를 보낼 수 있을까요?',
      'If a broker round trip takes 5 ms, how many messages per second can this loop send while flushing each one?',
    ),
    l(
      '{producer|프로듀서}의 전송이 실패했다는 것은 flush 말고 어떤 방법으로 알 수 있을까요?',
      'Besides flushing, how can you learn that a send of {producer|the producer} failed?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 프로듀서가 배치로 보내게 두기\n# 고려사항:\n# - flush는 종료 시(또는 N개마다) 한 번만\n# - 전송 실패는 콜백/future로 확인\n# - linger_ms, batch_size 같은 설정은?\n# TODO: 루프 안의 flush() 옮기기\n',
    en: '# TODO: let the producer batch\n# Consider:\n# - flush once at shutdown (or every N messages)\n# - learn about failed sends from callbacks/futures\n# - settings such as linger_ms and batch_size?\n# TODO: move flush() out of the loop\n',
  },
  callees: ['.flush'],
  check(context) {
    const { model } = context;
    for (const call of context.calls) {
      const fn = call.node.childForFieldName('function');
      const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
      if (!receiver) continue;
      const name = receiver.text.split('.').pop() ?? '';
      const bound = model.instances.get(receiver.text);
      if (!/producer/i.test(name) && !(bound && PRODUCER.test(bound))) continue;
      // Inside a loop, and in the same function as that loop (a helper called once per batch is another matter).
      let inLoop = false;
      for (let n = call.node.parent; n; n = n.parent) {
        if (n.type === 'function_definition' || n.type === 'lambda') break;
        if (n.type === 'for_statement' || n.type === 'while_statement') {
          inLoop = n.childForFieldName('body') !== null && n.childForFieldName('body')!.startIndex <= call.node.startIndex;
          break;
        }
      }
      if (inLoop) context.report({ node: call.node, messageId: 'flush', data: { producer: receiver.text } });
    }
  },
});
