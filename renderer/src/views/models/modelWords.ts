// What the app says about models, for people using the app: the host's own texts name CLI commands and environment
// variables (they are shared with the command line), so the views say it in their own words and offer the buttons.

/** One sentence for the first-run screen: what is needed and why. */
export const MODELS_NEEDED =
  'To find and tell apart the animals in your photos, Thumper needs two model files: a detector and an embedder.';

/** What to do about one missing model, by what the app can offer. */
export function missingModelAdvice(role: { fetchable: boolean; status: string }): string {
  if (role.status === 'wrong-kind') return 'This model does the other job: choose another one in the Models view.';
  return role.fetchable
    ? 'Download it (it is checked before use), or add the .onnx file you already have.'
    : 'Add its .onnx file, or choose another model in the Models view.';
}

/** The provider note in words, once per screen: no npm commands in the window. */
export function providerNoteText(note: string): string {
  if (/^CUDA provider not installed/.test(note))
    return 'Models run on the CPU: GPU (CUDA) support is not installed. The README says how to add it.';
  return note;
}
