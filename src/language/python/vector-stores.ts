/** Writes into a vector store, shared by the rules that ask who may change what a RAG service answers from. */
import type { Node } from 'web-tree-sitter';
import { handlerAuthenticated, hasAppAuth } from './auth';
import type { HandlerInfo, PythonModel } from './model';

/**
 * Calls that put documents into a vector store (or drop them): LangChain's `Chroma.from_documents`,
 * `add_documents` and `add_texts`, Qdrant's `upload_points` and `recreate_collection`, LlamaIndex's
 * `insert_nodes`. Matched on the call as written.
 */
const STORE_WRITE =
  /(^|\.)(from_documents|afrom_documents|from_texts|afrom_texts|add_documents|aadd_documents|add_texts|aadd_texts|upload_points|upload_collection|recreate_collection|delete_collection|insert_nodes)$/;
/** An add, upsert or delete on a store's handle: `collection.add(...)`, `qdrant.upsert(...)`, Pinecone's `index.upsert(...)`. */
const STORE_HANDLE_WRITE = /(^|\.)\w*(collection|qdrant|pinecone|chroma|weaviate|milvus|vector_?store|vectordb|vector_?db)\w*\.(add|upsert|delete)$|(^|\.)index\.upsert$/i;

/**
 * Text that every write `writesVectorStore` sees contains: the two patterns above without their
 * anchors. The call as written is part of the text around it, so a text this does not match holds
 * no such write (`storeHelpers` skips a statement on it).
 */
export const STORE_WRITE_HINT =
  /from_documents|from_texts|add_documents|add_texts|upload_points|upload_collection|recreate_collection|delete_collection|insert_nodes|(collection|qdrant|pinecone|chroma|weaviate|milvus|vector_?store|vectordb|vector_?db)\w*\.(add|upsert|delete)|index\.upsert/i;

/** Does this call, as written (`Chroma.from_documents`, `self.collection.add`), write into a vector store? */
export function writesVectorStore(call: Node): boolean {
  const written = call.childForFieldName('function')?.text ?? '';
  return STORE_WRITE.test(written) || STORE_HANDLE_WRITE.test(written);
}

/** Web frameworks whose routes anyone on the network reaches (a Gradio page is one visitor's session). */
const WEB = new Set<HandlerInfo['framework']>(['flask', 'fastapi', 'django', 'aiohttp', 'sanic', 'tornado', 'falcon']);
const WRITE_METHOD = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * A web route that writes (`POST`, `PUT`, `PATCH`, `DELETE`, or a class view's `post`) with no sign
 * of authentication in its decorators, its class head or its body, in a file with no app-wide
 * authentication.
 */
export function openWriteRoute(model: PythonModel, handler: HandlerInfo): boolean {
  if (!WEB.has(handler.framework)) return false;
  if (!(handler.methods ?? []).some((m) => WRITE_METHOD.test(m)) && !/^(post|put|patch|delete)$/.test(handler.name)) return false;
  return !hasAppAuth(model) && !handlerAuthenticated(model, handler);
}
