/** What the API calls itself, in the OpenAPI document and at GET /api/v1. */
export const API_TITLE = 'Accompany API';
/** The contract's version: the `v1` of every path (api.md). */
export const API_VERSION = '1';
export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';
