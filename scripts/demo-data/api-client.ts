import type { LoginResponse } from '../../src/auth/dto/login.dto';
import { API_PREFIX } from '../../src/http-app';

/** A refused call, with what the API answered, so that a failed seed says which record and why. */
export class DemoApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} /${API_PREFIX}${path} → ${status} ${JSON.stringify(body)}`);
  }
}

/** A file a demo user uploads. */
export interface DemoFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One logged-in user talking to the API, as a person at the console would. */
export class DemoSession {
  constructor(
    private readonly baseUrl: string,
    readonly username: string,
    private readonly token: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: object): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  patch<T>(path: string, body: object): Promise<T> {
    return this.send<T>('PATCH', path, body);
  }

  put<T>(path: string, body: object): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  /** A multipart form with one file (POST /attachments), as the console's file picker sends it. */
  upload<T>(path: string, fields: Record<string, string>, file: DemoFile): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([file.bytes], { type: file.contentType }), file.name);
    return call<T>(this.baseUrl, 'POST', path, form, { authorization: `Bearer ${this.token}` });
  }

  /** The same server without logging in, as a customer's browser calls a public page. */
  anonymous<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    return call<T>(this.baseUrl, method, path, body);
  }

  private send<T>(method: string, path: string, body?: object): Promise<T> {
    return call<T>(this.baseUrl, method, path, body, { authorization: `Bearer ${this.token}` });
  }
}

/** Logs in with POST /auth/login, exactly like the console does. */
export async function logIn(baseUrl: string, username: string, password: string): Promise<DemoSession> {
  const { accessToken } = await call<LoginResponse>(baseUrl, 'POST', '/auth/login', { username, password });
  return new DemoSession(baseUrl, username, accessToken);
}

async function call<T>(
  baseUrl: string,
  method: string,
  path: string,
  body: object | undefined,
  headers: Record<string, string> = {},
): Promise<T> {
  // A form goes as multipart (fetch sets its boundary); any other body as JSON.
  const payload = body === undefined || body instanceof FormData ? body : JSON.stringify(body);
  const response = await fetch(`${baseUrl}/${API_PREFIX}${path}`, {
    method,
    headers: { ...headers, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
    body: payload,
  });
  const parsed = parseBody(await response.text());
  if (!response.ok) throw new DemoApiError(method, path, response.status, parsed);
  return parsed as T;
}

/** JSON as the API answers; anything else (a proxy's error page) is kept as text for the message. */
function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
