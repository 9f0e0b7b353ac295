import { request as httpRequest } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface Sent {
  method?: string;
  /** Sent as written: no normalisation of `..` or percent escapes. */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One HTTP request over a real socket; empty header values are left out. */
export function request(base: string, sent: Sent): Promise<Answer> {
  const url = new URL(base);
  const headers = Object.fromEntries(Object.entries(sent.headers ?? {}).filter(([, v]) => v !== ''));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: sent.method ?? 'GET', path: sent.path ?? '/', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string | undefined>,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(sent.body);
  });
}
