import { acceptableUrl } from './single-sign-on-config.ts';

/**
 * The DfE's children's social care data receiver, read from the `HEARTH_DFE_API_*` variables: where to send, the
 * OAuth2 client credentials the DfE's API portal issues, and the council whose children are sent. Either all of
 * the required ones are set, or none (then Hearth sends nothing).
 */
export interface DfeApiConfig {
  /** The API's base URL; documents go to `{url}/children_social_care_data/{la_code}/children`. */
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The subscription key the portal issues, sent as the `SupplierKey` header. */
  supplierKey: string;
  /** The council whose children the daily job sends. */
  councilId: string;
  /** Documents per request. */
  batchSize: number;
}

type Env = Record<string, string | undefined>;

const REQUIRED = {
  url: 'HEARTH_DFE_API_URL',
  tokenUrl: 'HEARTH_DFE_API_TOKEN_URL',
  clientId: 'HEARTH_DFE_API_CLIENT_ID',
  clientSecret: 'HEARTH_DFE_API_CLIENT_SECRET',
  scope: 'HEARTH_DFE_API_SCOPE',
  supplierKey: 'HEARTH_DFE_API_SUPPLIER_KEY',
  councilId: 'HEARTH_DFE_API_COUNCIL',
} as const;

/** Reads the DfE API's variables, pushing each problem (named by its variable) onto `problems`. */
export function loadDfeApi(env: Env, problems: string[]): DfeApiConfig | null {
  const given = Object.values(REQUIRED).filter((name) => env[name]);
  if (given.length === 0) return null;
  const missing = Object.values(REQUIRED).filter((name) => !env[name]);
  for (const name of missing) problems.push(`${name} must be set with the other HEARTH_DFE_API_* variables.`);
  for (const name of [REQUIRED.url, REQUIRED.tokenUrl])
    if (env[name] && !acceptableUrl(env[name]))
      problems.push(`${name} must be an https URL; it is "${env[name]}".`);
  const batch = env.HEARTH_DFE_API_BATCH_SIZE ?? '100';
  if (!/^\d+$/.test(batch) || Number(batch) < 1 || Number(batch) > 1000)
    problems.push(`HEARTH_DFE_API_BATCH_SIZE must be a whole number from 1 to 1000; it is "${batch}".`);
  if (missing.length > 0) return null;
  const value = (key: keyof typeof REQUIRED) => env[REQUIRED[key]]!;
  return {
    url: value('url'),
    tokenUrl: value('tokenUrl'),
    clientId: value('clientId'),
    clientSecret: value('clientSecret'),
    scope: value('scope'),
    supplierKey: value('supplierKey'),
    councilId: value('councilId'),
    batchSize: Number(batch),
  };
}
