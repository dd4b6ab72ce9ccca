/** SKUs and part codes: what spreadsheets and labels carry, safe in file names and URLs. */
export const CATALOG_KEY = /^[A-Za-z0-9._-]{1,64}$/;
export const CATALOG_KEY_MESSAGE = 'must be 1-64 letters, digits, . _ or -';
