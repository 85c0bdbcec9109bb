/** Environment variables whose values are secrets; none may ever reach a log line or a reply. */
const SECRET_VARIABLES = ['STATE_SECRET', 'TIKIT_APP_SECRET', 'TIKIT_EMAIL_APP_SECRET', 'MicrosoftAppPassword'];

/** The secrets a bot started with `env` holds: the secret variables, and the storage account key. */
export function secretsIn(env: Record<string, string | undefined>): string[] {
  const accountKey = /AccountKey=([^;]+)/.exec(env.BLOB_CONNECTION_STRING ?? '')?.[1];
  return [...SECRET_VARIABLES.map((name) => env[name]), accountKey].filter((value): value is string => !!value);
}

/**
 * Every flow's logs are scanned when its bot stops: secrets, tokens, authorization codes and consent
 * `state` must never be written, whatever the flow did.
 */
export function assertNoSecretsLogged(logs: string[], secrets: string[]): void {
  const patterns: Array<[string, RegExp]> = [
    ['a JWT', /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
    ['a consent state', /v1\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/],
    ['an authorization code or state in a URL', /[?&](code|state|client_secret)=/],
    ['a bearer header', /Bearer\s+\S/i],
  ];
  const text = logs.join('');
  const found = [
    ...secrets.filter((secret) => text.includes(secret)).map(() => 'a configured secret'),
    ...patterns.filter(([, re]) => re.test(text)).map(([name]) => name),
  ];
  if (found.length > 0) throw new Error(`the bot logged ${[...new Set(found)].join(', ')}`);
}
