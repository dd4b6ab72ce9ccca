/** Characters RFC 5987 lets through unencoded in `filename*` (attr-char); everything else is %XX of UTF-8. */
function encodeAttrValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` for a download: the exact name in UTF-8 (`filename*`, RFC 5987/6266) for every
 * current client, and a plain ASCII stand-in (`filename`) for old ones.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeAttrValue(fileName)}`;
}

/**
 * The rest of a download's headers: the SHA-256 as entity tag and as RFC 9530 digest, so a client can
 * check what it received; no type sniffing and no shared caches, as the bytes come from users.
 */
export function downloadHeaders(sha256Hex: string): Record<string, string> {
  return {
    ETag: `"${sha256Hex}"`,
    'Repr-Digest': `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-cache',
  };
}
