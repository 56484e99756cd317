/**
 * `matchday preview`, /api/preview and the match page's preview as one function: the preview of a fixture, its
 * every sentence with the facts it states. Render it with preview/render-markdown, render-html or renderJson.
 */
import { composePreview } from '../preview/compose-preview.js';
import { preparePreview, type PreviewRequest } from '../preview/prepare-preview.js';
import type { Preview } from '../preview/preview-document.js';
import type { Db } from '../store/database.js';

export type { PreviewRequest };

export function writePreview(db: Db, request: PreviewRequest): Preview {
  return composePreview(preparePreview(db, request));
}
