/**
 * One step of the settings document's history: version `to - 1` -> `to`. Its own module so the
 * steps (`vN-to-vN+1.ts`) and the list that orders them (`index.ts`) do not import each other.
 */
export interface Migration {
  readonly to: number;
  readonly description: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}
