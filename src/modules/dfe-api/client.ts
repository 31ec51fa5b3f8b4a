import type { DfeDocument } from '../../domain/returns/dfe-api/document.ts';
import type { DfeApiConfig } from '../../platform/dfe-api-config.ts';

/** What the endpoint made of one batch of documents, after any retries. */
export interface SubmissionOutcome {
  /** Whether the endpoint took every document of the batch. */
  readonly accepted: boolean;
  /** The last HTTP status, or null when the endpoint could not be reached. */
  readonly status: number | null;
  /** The body of the last response (or why there was none). */
  readonly response: string;
  readonly attempts: number;
}

/** Where documents go: the DfE's endpoint in production, or anything that takes a batch as it does. */
export interface DfeApiSender {
  /** The number of documents the endpoint takes at once. */
  readonly batchSize: number;
  submit(documents: readonly DfeDocument[]): Promise<SubmissionOutcome>;
}

export interface ClientOptions {
  /** How long to wait before a retry (tests pass a short wait); doubles each time, as back-off. */
  readonly firstWaitMs?: number;
  readonly attempts?: number;
}

/** 429 Too Many Requests and the 5xx statuses are worth trying again; any other refusal is final. */
const retryable = (status: number) => status === 429 || status >= 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The DfE's children's social care data receiver: an OAuth2 client-credentials token from the token endpoint
 * (kept until shortly before it expires), then each batch POSTed as a JSON array to
 * `{url}/children_social_care_data/{la_code}/children` with the token and the supplier's subscription key.
 * The endpoint answers 200 with one reference per document; 429 and 5xx are retried with back-off (honouring
 * Retry-After), and a 401 fetches a fresh token once.
 */
export function dfeApiClient(
  config: DfeApiConfig,
  laCode: string,
  options: ClientOptions = {},
): DfeApiSender {
  const firstWait = options.firstWaitMs ?? 2_000;
  const maxAttempts = options.attempts ?? 5;
  let token: { value: string; until: number } | null = null;

  async function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        scope: config.scope,
      }),
    });
    if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('the token endpoint gave no access token');
    // A minute's margin, so a token is never used as it expires.
    token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 };
    return token.value;
  }

  const submissionUrl = `${config.url.replace(/\/$/, '')}/children_social_care_data/${laCode}/children`;

  async function post(documents: readonly DfeDocument[]) {
    return fetch(submissionUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await accessToken()}`,
        supplierkey: config.supplierKey,
        'content-type': 'application/json',
      },
      body: JSON.stringify(documents),
    });
  }

  /** 200 with one reference per document is acceptance; anything else is not. */
  function accepted(status: number, text: string, count: number): boolean {
    if (status !== 200) return false;
    try {
      const references = JSON.parse(text) as unknown;
      return Array.isArray(references) && references.length === count;
    } catch {
      return false;
    }
  }

  return {
    batchSize: config.batchSize,
    async submit(documents) {
      let wait = firstWait;
      let refreshed = false;
      let last: { status: number | null; response: string } = { status: null, response: '' };
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        try {
          const response = await post(documents);
          const text = await response.text();
          last = { status: response.status, response: text };
          if (response.status === 401 && !refreshed) {
            token = null;
            refreshed = true;
            continue;
          }
          if (!retryable(response.status) || attempt === maxAttempts)
            return {
              accepted: accepted(response.status, text, documents.length),
              ...last,
              attempts: attempt,
            };
          const retryAfter = Number(response.headers.get('retry-after'));
          await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : wait);
        } catch (error) {
          last = { status: null, response: (error as Error).message };
          if (attempt === maxAttempts) break;
          await sleep(wait);
        }
        wait *= 2;
      }
      return { accepted: false, ...last, attempts: maxAttempts };
    },
  };
}
