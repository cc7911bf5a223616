/**
 * What an endpoint URL may be (ADR 0016). Only admins configure endpoints, so this is not a full
 * SSRF defence (a public name may still resolve to a private address); it refuses what is cheap to
 * recognise and never legitimate: other schemes, credentials in the URL, and the link-local range
 * where cloud metadata services live. Loopback is allowed on purpose: a receiver on the same host
 * (and the tests' local receiver) is a normal set-up.
 */
export type WebhookUrlProblem = "NOT_A_URL" | "URL_SCHEME" | "URL_CREDENTIALS" | "URL_BLOCKED_HOST";

export const MAX_WEBHOOK_URL_LENGTH = 2000;

const BLOCKED_HOSTS = new Set(["metadata.google.internal", "metadata", "169.254.169.254", "[fd00:ec2::254]"]);

export function webhookUrlProblem(raw: string): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "NOT_A_URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "URL_SCHEME";
  if (!url.hostname) return "NOT_A_URL";
  if (url.username || url.password) return "URL_CREDENTIALS";
  const host = url.hostname.toLowerCase();
  // 169.254.0.0/16 (IPv4 link-local) and fe80::/10 (IPv6 link-local), as the URL parser normalises them.
  if (BLOCKED_HOSTS.has(host) || /^169\.254\.\d+\.\d+$/.test(host) || /^\[fe[89ab][0-9a-f]:/.test(host))
    return "URL_BLOCKED_HOST";
  return null;
}
