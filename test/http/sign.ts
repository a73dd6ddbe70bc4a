// Requests to the HTTP interactions endpoint, signed the way Discord signs them: Ed25519 over
// timestamp + raw body, with a key pair generated for the test.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface Signer {
  /** DISCORD_PUBLIC_KEY: the raw 32-byte key in hex, as the Developer Portal shows it. */
  publicKeyHex: string;
  headers(body: string, timestamp?: number): Record<string, string>;
}

export function createSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    publicKeyHex: Buffer.from(jwk.x!, 'base64url').toString('hex'),
    headers: (body, timestamp = Math.floor(Date.now() / 1000)) => signedHeaders(privateKey, body, timestamp),
  };
}

function signedHeaders(privateKey: KeyObject, body: string, timestamp: number): Record<string, string> {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`, 'utf8'), privateKey);
  return {
    'Content-Type': 'application/json',
    'X-Signature-Ed25519': signature.toString('hex'),
    'X-Signature-Timestamp': String(timestamp),
  };
}

export interface EndpointResponse {
  status: number;
  contentType: string | null;
  body: any; // parsed JSON; tests read whichever field they assert on
}

export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  method = 'POST',
): Promise<EndpointResponse> {
  const response = await fetch(url, { method, headers, ...(method === 'GET' ? {} : { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body: parsed };
}
