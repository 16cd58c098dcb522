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
  'openai.AzureOpenAI',
  'openai.AsyncAzureOpenAI',
];

/**
 * SDK clients that open their own connection pool (and often re-read credentials) when built:
 * `ollama.Client()`, Google Cloud's `storage.Client()`, IEX's `pyEX.Client()`. Built per request,
 * each call pays the handshake again. Kept apart from `CLIENT`, which other rules read as the
 * services a process connects to by address.
 */
export const SDK_CLIENT =
  /^(ollama\.(Client|AsyncClient)|google\.cloud\.(storage|bigquery|firestore)\.Client|google\.cloud\.pubsub_v1\.(PublisherClient|SubscriberClient)|pyEX\.Client)$/;

/**
 * LLM and vector-store clients that hold an HTTP pool of their own (followed into helpers by the project pass).
 * LangChain's partner packages are clients of a remote endpoint (`langchain_ollama.ChatOllama`,
 * `langchain_aws.ChatBedrock`, which builds a boto3 client); of `langchain_huggingface` only the
 * endpoint classes are, since `HuggingFaceEmbeddings` and `HuggingFacePipeline` load a local model.
 */
export const API_CLIENT =
  /^(langchain_openai|langchain_anthropic|langchain_google_genai|langchain_google_vertexai|langchain_mistralai|langchain_groq|langchain_cohere|langchain_ollama|langchain_aws|langchain_together|langchain_fireworks|langchain_deepseek|langchain_xai|langchain_nvidia_ai_endpoints|langchain_community\.chat_models|langchain\.chat_models|langchain\.llms|langchain_community\.llms)(\.\w+)*\.[A-Z]\w*$|^langchain_huggingface(\.\w+)*\.(HuggingFaceEndpoint|HuggingFaceEndpointEmbeddings|ChatHuggingFace)$|^huggingface_hub(\.\w+)*\.(InferenceClient|AsyncInferenceClient)$|^(anthropic\.(Anthropic|AsyncAnthropic)|cohere\.Client|groq\.Groq|mistralai\.Mistral|pinecone\.Pinecone|chromadb\.(HttpClient|PersistentClient)|weaviate\.Client)$/;

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
