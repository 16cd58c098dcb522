import type { PythonModel } from './model';

/** Clients of databases, caches, brokers and APIs, shared by the rules about how services connect. */

/**
 * Constructors of clients that own a connection or a pool: building one is a TCP (often TLS and
 * auth) handshake, and the pool it holds is what makes the next request cheap. SQLite opens a
 * local file, so its per-request connection is the documented pattern and is left out.
 */
export const CLIENT: readonly string[] = [
  'sqlalchemy.create_engine',
  'sqlalchemy.ext.asyncio.create_async_engine',
  'psycopg2.connect',
  'psycopg.connect',
  'psycopg.AsyncConnection.connect',
  'pymysql.connect',
  'mysql.connector.connect',
  'asyncpg.connect',
  'asyncpg.create_pool',
  'pymongo.MongoClient',
  'motor.motor_asyncio.AsyncIOMotorClient',
  'redis.Redis',
  'redis.StrictRedis',
  'redis.from_url',
  'redis.Redis.from_url',
  'redis.asyncio.Redis',
  'redis.asyncio.from_url',
  'boto3.client',
  'boto3.resource',
  'boto3.session.Session',
  'boto3.Session',
  'kafka.KafkaProducer',
  'kafka.KafkaConsumer',
  'confluent_kafka.Producer',
  'confluent_kafka.Consumer',
  'pika.BlockingConnection',
  'elasticsearch.Elasticsearch',
  'qdrant_client.QdrantClient',
  'openai.OpenAI',
  'openai.AsyncOpenAI',
];

/** redis-py client constructors, sync and asyncio, by resolved name. */
export const REDIS_CLIENT = /^redis(\.asyncio)?(\.client)?\.(Redis|StrictRedis)(\.from_url)?$|^redis(\.asyncio)?\.from_url$/;

/**
 * The names and attributes this file binds to a Redis client (`cache`, `self._redis`), so a call
 * through them resolves even when the client lives on an instance. A client imported from
 * another module is recognised by its name instead (see `isRedisReceiver`).
 */
export function redisReceivers(model: PythonModel): ReadonlySet<string> {
  const names = new Set<string>();
  for (const call of model.callsNamed([REDIS_CLIENT])) {
    const parent = call.node.parent;
    const target = parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.node.id ? parent.childForFieldName('left') : undefined;
    if (target) names.add(target.text);
  }
  return names;
}

/** Is `receiver` (the text before `.set`) a Redis client: bound to one here, resolved to one, or named like one? */
export function isRedisReceiver(receiver: string, bound: ReadonlySet<string>): boolean {
  return bound.has(receiver) || REDIS_CLIENT.test(receiver) || /redis/i.test(receiver.slice(receiver.lastIndexOf('.') + 1));
}
