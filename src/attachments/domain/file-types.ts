/**
 * The file types records may carry — photos, scans, office documents, plain text — with the file-name
 * extensions each may have. Anything else (programs, scripts, archives) is refused.
 */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/heic': ['heic'],
  'image/heif': ['heif', 'heic'],
  'application/pdf': ['pdf'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
};

const MAX_FILE_NAME_LENGTH = 255;

export type FileCheck =
  | { ok: true; fileName: string; contentType: string }
  | { ok: false; reason: 'bad_name' | 'unsupported_type' | 'extension_mismatch'; message: string };

/**
 * The name as stored: without any folder part, control characters or surrounding blanks, and no longer
 * than the column, keeping the extension when it has to be shortened. Empty when nothing usable is left.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const characters = [...clean];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return clean;
  const extension = extensionOf(clean);
  const suffix = extension === null ? '' : `.${extension}`;
  return characters.slice(0, MAX_FILE_NAME_LENGTH - [...suffix].length).join('') + suffix;
}

function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? null : fileName.slice(dot + 1).toLowerCase();
}

/** The media type without parameters, lower case: `Text/Plain; charset=utf-8` → `text/plain`. */
function essence(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Decides whether an upload's declared type is allowed and its file name agrees with it. */
export function checkFile(originalName: string, declaredType: string): FileCheck {
  const fileName = cleanFileName(originalName);
  if (fileName === '') return { ok: false, reason: 'bad_name', message: 'The file has no usable name' };
  const contentType = essence(declaredType);
  const extensions = ALLOWED_FILE_TYPES[contentType];
  if (extensions === undefined) {
    return {
      ok: false,
      reason: 'unsupported_type',
      message: `Files of type ${contentType} are not accepted`,
    };
  }
  const extension = extensionOf(fileName);
  if (extension === null || !extensions.includes(extension)) {
    return {
      ok: false,
      reason: 'extension_mismatch',
      message: `A ${contentType} file must be named *.${extensions.join(' or *.')}`,
    };
  }
  return { ok: true, fileName, contentType };
}
