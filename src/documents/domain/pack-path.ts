/** Characters a ZIP entry name must not hold in one segment, or that Windows refuses in a file name. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;

/** One path segment that every unzip tool accepts: no separators or reserved characters, no dot names. */
export function safeSegment(text: string): string {
  const cleaned = text.replace(UNSAFE, '_').trim().replace(/^\.+/, '_');
  return cleaned === '' ? '_' : cleaned;
}

/** Where a version's file goes in the audit pack: `documents/<number>-<version>-<file name>`. */
export function documentFilePath(number: string, versionLabel: string, fileName: string): string {
  return `documents/${safeSegment(`${number}-${versionLabel}-${fileName}`)}`;
}

/**
 * The path, or when an earlier file took it (two numbers that differ only in characters a ZIP name
 * cannot hold) the path with `~2`, `~3`… before its extension; the path given back is taken.
 */
export function uniquePath(path: string, taken: Set<string>): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const [stem, extension] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  let candidate = path;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${stem}~${n}${extension}`;
  taken.add(candidate);
  return candidate;
}
