import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import type { DfeApiConfig } from '../../src/platform/dfe-api-config.ts';

/**
 * A local stand-in for the DfE's children's social care data receiver, as its documentation describes it: an
 * OAuth2 token endpoint for client credentials, and `POST /children_social_care_data/{la}/children` taking a JSON
 * array of documents with a bearer token and the `SupplierKey` header, answering 200 with one reference per
 * document, 401 for a bad token, and whatever statuses a test queues first (a 429, a 500) to exercise retries.
 */
export interface DfeEndpoint {
  config: DfeApiConfig;
  /** The batches it took, each the documents as received, and the la code of each request's path. */
  batches: { la: string; documents: Record<string, unknown>[] }[];
  /** Every submission attempt's status, in order. */
  answered: number[];
  tokensIssued: number;
  /** Statuses to answer the next submissions with, before answering normally. */
  queue: number[];
  /** Makes every token issued so far invalid (as on expiry). */
  revokeTokens(): void;
}

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });

export async function aDfeEndpoint(councilId: string): Promise<DfeEndpoint> {
  const valid = new Set<string>();
  const endpoint: DfeEndpoint = {
    // Set once the server listens, below.
    config: undefined as unknown as DfeApiConfig,
    batches: [],
    answered: [],
    tokensIssued: 0,
    queue: [],
    revokeTokens: () => valid.clear(),
  };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await read(request);
      const answer = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (request.url === '/oauth/token') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_secret') !== 'the-secret')
          return answer(400, { error: 'invalid_client' });
        const token = `token-${++endpoint.tokensIssued}`;
        valid.add(token);
        return answer(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      }
      const path = /^\/children_social_care_data\/(\w+)\/children$/.exec(request.url ?? '');
      if (!path || request.method !== 'POST') return answer(404, { error: 'not found' });
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      let status = endpoint.queue.shift() ?? 200;
      if (!valid.has(token) || request.headers.supplierkey !== 'the-supplier-key') status = 401;
      endpoint.answered.push(status);
      if (status !== 200) return answer(status, { error: `status ${status}` });
      const documents = JSON.parse(body) as Record<string, unknown>[];
      endpoint.batches.push({ la: path[1]!, documents });
      const at = new Date().toISOString().replace('T', '_').replace('Z', '');
      return answer(
        200,
        documents.map((_, index) => `${at}_00000000-0000-4000-8000-${String(index).padStart(12, '0')}`),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoint.config = {
    url,
    tokenUrl: `${url}/oauth/token`,
    clientId: 'hearth',
    clientSecret: 'the-secret',
    scope: 'api://children-social-care/.default',
    supplierKey: 'the-supplier-key',
    councilId,
    batchSize: 100,
  };
  return endpoint;
}
