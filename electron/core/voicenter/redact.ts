/** Keeps secrets out of logs: known secret values and any `token=` query parameter. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real secrets are longer.
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(/([?&]token=)[^&\s"']+/gi, '$1[redacted]')
    .replace(/(Bearer\s+)[^\s"']+/gi, '$1[redacted]');
}

/** A short, redacted description of something thrown or emitted as an error. */
export function describeError(
  value: unknown,
  secrets: readonly (string | null | undefined)[],
): string {
  let text: string;
  if (value instanceof Error) text = value.message;
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return redact(text, secrets).slice(0, 300);
}
