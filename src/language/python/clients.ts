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
  'kafka.KafkaProducer',
  'kafka.KafkaConsumer',
  'confluent_kafka.Producer',
  'confluent_kafka.Consumer',
  'elasticsearch.Elasticsearch',
  'qdrant_client.QdrantClient',
  'openai.OpenAI',
  'openai.AsyncOpenAI',
];
