import type { CallInfo, PythonModel } from './model';

/** Streamlit widgets whose value is a file the visitor chose. */
const UPLOAD_WIDGET = /^streamlit\.(?:sidebar\.)?(?:file_uploader|camera_input)$/;

/**
 * Decoders that raise on a file that is not what it claims: an image, a table, a PDF or a sound
 * that is corrupt or mislabelled raises in the decoder (UnidentifiedImageError, ParserError,
 * PdfReadError), not in the page's own code.
 */
const DECODER =
  /^(PIL\.Image\.open|(pandas|polars)\.read_(csv|excel|json|parquet)|(pypdf|PyPDF2)\.PdfReader|(fitz|pymupdf)\.open|numpy\.load|soundfile\.read|librosa\.load|torchaudio\.load|cv2\.imdecode|(tensorflow\.)?keras\.(utils|preprocessing\.image)\.load_img)$/;

/** Names a Streamlit page binds to an uploaded file (`uploaded = st.file_uploader(...)`). */
export function streamlitUploadNames(model: PythonModel): Set<string> {
  const names = new Set<string>();
  for (const call of model.calls) {
    if (!call.callee || !UPLOAD_WIDGET.test(call.callee)) continue;
    const parent = call.node.parent;
    const target = parent?.type === 'assignment' ? parent.childForFieldName('left') : parent?.type === 'named_expression' ? parent.childForFieldName('name') : undefined;
    if (target?.type === 'identifier') names.add(target.text);
  }
  return names;
}

/**
 * The decoder a call runs on an uploaded file (`Image.open(uploaded_file)`,
 * `pd.read_csv(io.BytesIO(upload.getvalue()))`), as written, or undefined.
 */
export function decodedUpload(call: CallInfo, uploads: ReadonlySet<string>): string | undefined {
  if (uploads.size === 0 || !call.callee || !DECODER.test(call.callee)) return undefined;
  const args = call.node.childForFieldName('arguments');
  if (!args) return undefined;
  const used = args.descendantsOfType('identifier').some((id) => !!id && uploads.has(id.text));
  return used ? (call.node.childForFieldName('function')?.text ?? call.callee) : undefined;
}
