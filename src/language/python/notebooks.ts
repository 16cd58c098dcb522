import type { PythonModel } from './model';

/**
 * A Jupyter notebook saved as a script (`jupyter nbconvert --to script`, "Download as .py"): each
 * cell starts with an `# In[3]:` marker. Such a file records an exploration, read top to bottom;
 * it is not the code a service or a pipeline runs, and reviewers leave its habits (a pickle
 * reloaded in the next cell, a manual `requests.post` to try the API, a fit with no run tracking)
 * to the script that does the job. Rules about how code runs in production stay silent in it.
 */
const CELL_MARKER = /^#[ \t]*In\[[ \t\d]*\]:?[ \t]*$/m;
/** The export turns the notebook's `%magic` and `!shell` lines into `get_ipython()` calls. */
const IPYTHON_CALL = /^[ \t]*get_ipython\(\)/m;

export function isNotebookExport(source: string): boolean {
  return CELL_MARKER.test(source) || IPYTHON_CALL.test(source);
}

/** `isNotebookExport` of a model's text, tested once per file and, after an edit, on the edited statements only. */
export function isNotebookModel(model: PythonModel): boolean {
  return model.linesMatch(CELL_MARKER) || model.linesMatch(IPYTHON_CALL);
}
