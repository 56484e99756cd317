/**
 * The pages' only script, and optional: every page works without it. It shows a what-if slider's value as it
 * moves and re-submits the what-if form when a choice changes, so the forecast follows the controls.
 */
export const ENHANCE_SCRIPT = `
for (const form of document.querySelectorAll('form.what-if')) {
  for (const range of form.querySelectorAll('input[type="range"]')) {
    const output = form.querySelector('output[for="' + range.id + '"]');
    const show = () => { if (output) output.value = (Number(range.value) > 0 ? '+' : '') + Number(range.value).toFixed(2); };
    range.addEventListener('input', show);
    show();
  }
  form.addEventListener('change', () => form.requestSubmit());
}
`;
