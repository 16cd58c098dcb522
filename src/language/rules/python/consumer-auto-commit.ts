import { keywordArgument } from '../../python/model';
import { matchesInCode } from '../../python/scan';
import { escapeRegExp } from '../../regexp';
import type { CallInfo } from '../../python/model';
import { l, pythonRule, type PythonContext } from '../../rule';
import { callbackNames, onlyDisplays } from '../../python/workers';

/** Consumer constructors of the Kafka clients, by resolved name. */
const CONSUMER = /^(kafka\.KafkaConsumer|kafka\.consumer\.KafkaConsumer|aiokafka\.AIOKafkaConsumer|confluent_kafka\.(Consumer|DeserializingConsumer))$/;
/** RabbitMQ registrations: pika's `basic_consume` (`no_ack` before 1.0), aio-pika's `queue.consume`. */
const REGISTRATION = /\.(basic_consume|consume)$/;

export default pythonRule({
  id: 'consumer-auto-commit',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:consumer-auto-commit'],
  messages: {
    autoCommit: l(
      "컨슈머 '{consumer}'의 오프셋이 처리 결과와 상관없이 타이머로 자동 커밋됩니다 — 처리 중에 프로세스가 죽으면 커밋된 메시지는 다시 오지 않고, 실패한 메시지도 건너뜁니다",
      "The consumer '{consumer}' commits its offsets automatically on a timer, whatever happened to the message — when the process dies mid-way, committed messages never come back, and failed ones are skipped",
    ),
    noGroup: l(
      "컨슈머 '{consumer}'에 group_id가 없어 오프셋이 어디에도 저장되지 않습니다 — 재시작하면 auto_offset_reset에 따라 처음부터 다시 처리하거나 그동안의 메시지를 건너뜁니다",
      "The consumer '{consumer}' has no group_id, so its offsets are stored nowhere — after a restart it reprocesses from the start or skips everything in between, as auto_offset_reset says",
    ),
    commitWithoutGroup: l(
      "컨슈머 '{consumer}'는 오프셋을 직접 커밋하지만 group_id가 없습니다 — 커밋할 컨슈머 그룹이 없어 commit()이 매번 예외를 내고(kafka-python, aiokafka), 오프셋은 어디에도 저장되지 않습니다",
      "The consumer '{consumer}' commits its offsets by hand but has no group_id — with no consumer group to commit to, commit() raises every time (kafka-python, aiokafka) and no offset is ever stored",
    ),
    popped: l(
      "작업을 '{queue}' 리스트에서 {pop}으로 꺼낸 뒤에 처리합니다 — 처리 중에 예외가 나거나 워커가 죽으면 그 작업은 이미 Redis에서 사라져 다시 오지 않습니다",
      "The job is taken off the list '{queue}' with {pop} before it is processed — when processing raises or the worker dies mid-way, the job is already gone from Redis and never comes back",
    ),
    removedFirst: l(
      '메시지를 처리하기 전에 큐에서 지웁니다({ack}) — 처리 중에 예외가 나거나 워커가 죽으면 그 메시지는 이미 사라져 다시 오지 않습니다',
      'The message is removed from the queue ({ack}) before the work on it is done — when processing raises or the worker dies mid-way, the message is already gone and is never delivered again',
    ),
    autoAck: l(
      "RabbitMQ가 메시지를 '{callback}'에 넘기는 순간 확인(ack)된 것으로 처리합니다({flag}) — 처리 중에 예외가 나거나 워커가 죽으면 그 메시지는 큐에서 이미 사라졌습니다",
      "RabbitMQ counts each message as acknowledged the moment it hands it to '{callback}' ({flag}) — when the callback raises or the worker dies mid-way, the message is already gone from the queue",
    ),
  },
  docs: {
    summary: l(
      '메시지를 처리하는(저장·전달하거나 모델로 점수를 매기는 — 점수를 출력만 해도 해당합니다) Kafka 컨슈머(kafka-python, aiokafka, confluent-kafka)가 오프셋을 자동 커밋에 맡기거나(enable_auto_commit 기본값) group_id가 없어 아예 커밋하지 않는 코드와, 출력만 하지 않는 콜백을 auto_ack=True로 등록한 RabbitMQ 컨슈머(pika; pika 1.0 이전과 aio-pika는 no_ack=True)를 찾습니다. 파일에서 컨슈머의 commit()을 직접 부르면 제외합니다(단 group_id가 없으면 commit()이 매번 예외를 내고 아무것도 저장되지 않으므로 보고합니다). Redis 리스트 큐도 같은 문제입니다: 워커 루프가 RPOP/LPOP/BRPOP/BLPOP으로 작업을 꺼내면 처리 전에 이미 지워집니다. 처리 중 리스트로 옮기는 파일(LMOVE, BLMOVE, RPOPLPUSH)은 제외합니다. SQS와 RabbitMQ도 같습니다: 루프나 콜백이 메시지를 지우거나 확인한 뒤에(delete_message(... ReceiptHandle ...), message.delete(), basic_ack) 처리를 이어 가면 처리 전에 사라집니다. 처리가 끝난 뒤 지우거나 확인하면(출력·로그만 남는 경우 포함) 제외합니다.',
      'Flags Kafka consumers (kafka-python, aiokafka, confluent-kafka) that process messages (store, forward or score them: a model score that is only printed counts too) while leaving offsets to auto-commit (the enable_auto_commit default), or that have no group_id and so commit nothing, and RabbitMQ consumers registered with auto_ack=True (pika; no_ack=True in pika before 1.0 and in aio-pika) whose callback does more than print. A file that calls the consumer’s commit() itself is left alone, unless the consumer has no group_id: then every commit() raises (kafka-python, aiokafka) and nothing is stored. Redis list queues are the same lesson: a worker loop that takes each job with RPOP/LPOP/BRPOP/BLPOP removes it before processing; a file that moves jobs to a processing list (LMOVE, BLMOVE, RPOPLPUSH) is left alone. SQS and RabbitMQ too: a loop or callback that deletes or acknowledges the message (delete_message(... ReceiptHandle ...), message.delete(), basic_ack) and then goes on to process it loses it; deleting or acknowledging after the work (with only prints or logs after it) is left alone.',
    ),
    why: l(
      '자동 커밋은 몇 초마다 "여기까지 읽었다"를 기록할 뿐, 처리가 끝났는지는 모릅니다. 예측을 DB에 쓰거나 다음 토픽으로 보내기 전에 워커가 죽으면 그 메시지는 영영 처리되지 않습니다. group_id가 없으면 읽은 위치가 저장되지 않아, 재시작할 때마다 전부 다시 처리하거나(중복 결과) 그 사이 메시지를 잃습니다.',
      'Auto-commit records "read up to here" every few seconds; it does not know whether processing finished. When the worker dies before the prediction reaches the database or the next topic, that message is never processed. With no group_id the position is not stored at all, so every restart reprocesses everything (duplicate results) or loses what arrived in between.',
    ),
    bad: "import json\n\nfrom kafka import KafkaConsumer\n\nconsumer = KafkaConsumer('transactions', bootstrap_servers='kafka:9092', group_id='scorer')\n\nfor message in consumer:\n    save_score(model.predict([json.loads(message.value)['features']]))\n",
    good: "import json\n\nfrom kafka import KafkaConsumer\n\nconsumer = KafkaConsumer('transactions', bootstrap_servers='kafka:9092', group_id='scorer', enable_auto_commit=False)\n\nfor message in consumer:\n    save_score(model.predict([json.loads(message.value)['features']]))\n    # TODO: 처리가 끝난 뒤에만 커밋하기 — 실패한 메시지는 어떻게 할까요?\n    consumer.commit()\n",
  },
  weeks: ['intermediate/6'],
  questions: [
    l(
      '{consumer|이 워커}가 메시지를 받아 예측하는 도중 컨테이너가 재시작되면, 그 메시지는 다시 처리될까요?',
      'If the container restarts while {consumer|this worker} is halfway through a message, is that message processed again?',
    ),
    l(
      '같은 메시지가 두 번 처리되면 무엇이 잘못되나요? 한 번도 처리되지 않으면요? 이 서비스에는 어느 쪽이 더 나쁜가요?',
      'What goes wrong if a message is processed twice? And if it is never processed? Which is worse for this service?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 처리가 끝난 메시지만 커밋하기\n# 고려사항:\n# - group_id를 정하고 enable_auto_commit=False\n# - 결과를 저장하거나 보낸 뒤 consumer.commit()\n# - 계속 실패하는 메시지는? (재시도 횟수, dead-letter 토픽)\n# - 같은 메시지를 두 번 처리해도 괜찮게 (멱등성)\n',
    en: '# TODO: commit only messages that were processed\n# Consider:\n# - set a group_id and enable_auto_commit=False\n# - consumer.commit() after the result is stored or sent\n# - what about a message that keeps failing? (a retry count, a dead-letter topic)\n# - make a second processing of the same message harmless (idempotency)\n',
  },
  check(context) {
    const { model } = context;
    if (/\b(auto_ack|no_ack)\s*=\s*True\b/.test(model.source)) autoAcknowledged(context);
    if (/pop\s*\(/.test(model.source)) poppedBeforeProcessing(context);
    if (/delete_message|basic_ack|\.delete\s*\(\s*\)/.test(model.source)) removedBeforeProcessing(context);
    if (!/Consumer/.test(model.source)) return;
    // Nothing but prints and logs of what arrives: a lost message loses a line of output (a demo consumer).
    // A loop that scores each message loses a scored transaction, even when the score is only printed.
    if (
      !model.calls.some((c) => {
        const name = calledName(c.callee ?? c.node.childForFieldName('function')?.text ?? '');
        return EFFECT.test(name) || SCORES.test(name);
      })
    )
      return;
    for (const call of model.calls) {
      if (!call.callee || !CONSUMER.test(call.callee)) continue;
      const parent = call.node.parent;
      const name = parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.node.id ? parent.childForFieldName('left')?.text : undefined;
      if (!name) continue;
      const escaped = escapeRegExp(name);
      // Not consumed in this file: nothing to say about when offsets move.
      if (!matchesInCode(model.tree, model.source, new RegExp(`\\bfor\\s+\\w+\\s+in\\s+${escaped}\\s*:|(?<![\\w.])${escaped}\\s*\\.\\s*(poll|getmany|getone|consume)\\s*\\(`, 'g')))
        continue;
      // Settings spread from a dict (`**config`) are unknown here.
      if (call.node.text.includes('**')) continue;
      const confluent = call.callee.startsWith('confluent_kafka');
      // Committed by hand: the offsets move after the work, as they should, provided there is a
      // group to commit to (confluent-kafka refuses to build a consumer without one).
      if (matchesInCode(model.tree, model.source, new RegExp(`(?<![\\w.])${escaped}\\s*\\.\\s*commit\\s*\\(`, 'g'))) {
        if (!confluent && keywordArgument(call.node, 'group_id') === undefined) context.report({ node: call.node, messageId: 'commitWithoutGroup', data: { consumer: name } });
        continue;
      }
      // confluent-kafka takes a dict that may be built anywhere in the file.
      const explicit = confluent ? undefined : keywordArgument(call.node, 'enable_auto_commit');
      if (confluent ? /['"]enable\.auto\.commit['"]\s*:\s*(False|['"]false['"])/.test(model.source) : explicit?.text === 'False') continue;
      const grouped = confluent || keywordArgument(call.node, 'group_id') !== undefined;
      // An explicit `enable_auto_commit=True` is where the change goes.
      const at = explicit?.parent?.type === 'keyword_argument' ? explicit.parent : call.node;
      context.report({ node: at, messageId: grouped ? 'autoCommit' : 'noGroup', data: { consumer: name } });
    }
  },
});

/**
 * Calls that keep a result somewhere or pass it on (a producer's send, a database write, an HTTP
 * post, a file, a cache, a helper named `insert_prediction`): what a lost or repeated message changes.
 */
const EFFECT =
  /^(send|produce|send_and_wait|execute|executemany|insert\w*|to_sql|to_csv|to_parquet|post|put|set|hset|xadd|lpush|rpush|publish|save\w*|write\w*|store\w*|upload\w*|put_item|update_one|commit|(insert|save|write|store|publish|send|upsert)_\w+)$/;

/** The consumer scores each message (`model.predict`): a lost message is a transaction never scored, even when the score is only printed. */
const SCORES = /^(predict|predict_proba|predict_one|score|classify|detect)$/;

function calledName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}

/**
 * `channel.basic_consume(queue, on_message_callback=handle, auto_ack=True)`: the broker forgets
 * the message on delivery. Only a callback that does work (predicts, stores, publishes) loses a
 * result; one that only prints what it receives is the tutorial's demo. A callback defined in
 * another module is taken to do work.
 */
function autoAcknowledged(context: PythonContext): void {
  const { model } = context;
  if (!model.importsModule('pika') && !model.importsModule('aio_pika')) return;
  for (const call of model.calls) {
    if (!REGISTRATION.test(call.callee ?? '')) continue;
    const flag = keywordArgument(call.node, 'auto_ack') ?? keywordArgument(call.node, 'no_ack');
    if (flag?.text !== 'True') continue;
    const args = call.node.childForFieldName('arguments');
    const names = callbackNames(model.source.slice((args?.startIndex ?? 0) + 1, (args?.endIndex ?? 1) - 1));
    const callback = names.find((name) => !['True', 'False', 'None'].includes(name));
    if (!callback) continue;
    const defined = model.functions.filter((fn) => fn.childForFieldName('name')?.text === callback);
    if (defined.length > 0 && defined.every((fn) => onlyDisplays(model, fn))) continue;
    context.report({ node: flag.parent ?? call.node, messageId: 'autoAck', data: { callback, flag: `${flag.parent?.childForFieldName('name')?.text ?? 'auto_ack'}=True` } });
  }
}

/** Redis list pops: the job leaves the list when it is read. */
const LIST_POP = /(^|\.)(b?[lr]pop)$/;
/** The reliable-queue pattern: the job is moved to a processing list and removed once done. */
const RELIABLE_MOVE = /\b(b?lmove|b?rpoplpush)\s*\(/i;

/**
 * `while True: _, job = r.brpop("tasks"); process(job)`: a worker loop that pops each job off a
 * Redis list. A pop in a request handler (a `/dequeue` route) hands the job to a caller; only a
 * loop is the worker that loses it.
 */
function poppedBeforeProcessing(context: PythonContext): void {
  const { model } = context;
  if (!model.importsModule('redis') || RELIABLE_MOVE.test(model.uncommentedSource)) return;
  for (const call of model.calls) {
    const pop = LIST_POP.exec(call.callee ?? '');
    if (!pop || !call.callee?.includes('.')) continue;
    let loop = call.node.parent;
    while (loop && loop.type !== 'while_statement' && loop.type !== 'function_definition') loop = loop.parent;
    if (loop?.type !== 'while_statement') continue;
    const first = call.node.childForFieldName('arguments')?.namedChildren[0];
    const queue = first?.type === 'string' ? first.text.slice(1, -1) : (first?.text ?? '?');
    // The client stands in for the consumer the questions ask about.
    const consumer = call.node.childForFieldName('function')?.childForFieldName('object')?.text;
    context.report({ node: call.node, messageId: 'popped', data: { queue, pop: pop[2].toUpperCase(), ...(consumer ? { consumer } : {}) } });
    return;
  }
}

/**
 * Taking the message off the queue: SQS `delete_message(QueueUrl=..., ReceiptHandle=...)` (or a
 * helper of that name handed the receipt handle), a boto3 resource `message.delete()`, pika's
 * `basic_ack`.
 */
function removesMessage(model: PythonContext['model'], call: CallInfo): boolean {
  const fn = call.node.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  const args = call.node.childForFieldName('arguments')?.text ?? '';
  if (name === 'delete_message' || name === 'delete_message_batch') return /receipt/i.test(args);
  if (name === 'basic_ack') return true;
  // `for message in queue.receive_messages(...)`: `message.delete()` on the loop's variable.
  if (name !== 'delete' || args.replace(/\s/g, '') !== '()' || fn?.type !== 'attribute') return false;
  const receiver = fn.childForFieldName('object');
  if (receiver?.type !== 'identifier') return false;
  return new RegExp(`\\bfor\\s+${escapeRegExp(receiver.text)}\\s+in\\s+[^\\n]*receive_messages\\s*\\(`).test(model.source);
}

/**
 * `delete_message(queue_url, message["ReceiptHandle"])` or `ch.basic_ack(...)` as a statement of a
 * worker loop or a consumer callback, followed in the same block by work on the message (any
 * call beyond prints, logs, sleeps and parsing): the message is gone before the work is done.
 * Deleting in an `except` (a poison message) or as the last step is the at-least-once order.
 */
function removedBeforeProcessing(context: PythonContext): void {
  const { model } = context;
  for (const call of model.calls) {
    if (!removesMessage(model, call)) continue;
    const statement = call.node.parent;
    if (statement?.type !== 'expression_statement' || statement.parent?.type !== 'block') continue;
    const owner = statement.parent.parent?.type;
    if (owner !== 'for_statement' && owner !== 'while_statement' && owner !== 'function_definition') continue;
    const end = statement.parent.endIndex;
    const later = model.callsWithin(statement.endIndex, end).filter((c) => !removesMessage(model, c));
    const shows = (c: CallInfo) => DISPLAY.test(c.callee ?? '') || DISPLAY.test(c.node.childForFieldName('function')?.text ?? '');
    const works = later.some((c) => {
      if (shows(c) || PARSING.test(c.callee ?? c.node.childForFieldName('function')?.text ?? '')) return false;
      // The argument of a print (`print(f"{len(x)}")`) is part of the display.
      return !later.some((d) => d !== c && shows(d) && d.node.startIndex < c.node.startIndex && c.node.endIndex <= d.node.endIndex);
    });
    if (!works) continue;
    const fn = call.node.childForFieldName('function');
    const ack = `${fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text}()`;
    // The questions name the worker's function; a loop at module level is "this worker".
    const consumer = call.inFunction?.childForFieldName('name')?.text;
    context.report({ node: call.node, messageId: 'removedFirst', data: { ack, queue: '?', pop: ack, ...(consumer ? { consumer } : {}) } });
  }
}

/** What only shows or waits: nothing a lost message would miss. */
const DISPLAY =
  /^(print|pprint|pprint\.pprint|time\.sleep|sleep|asyncio\.sleep|len|str|repr|format|json\.dumps|logging\.\w+|[\w.]*log(ger)?\.(debug|info|warning|warn|error|exception|critical))$/;
/** Reading the message: `json.loads(message["Body"])`, `body.decode()`. */
const PARSING = /^(json\.loads|loads|[\w.]*\.decode|int|float|bool|dict|list|[\w.]*\.get)$/;
