// pino-roll ships no types; this is the part of its API Ringside uses (see its README).
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';

  interface PinoRollOptions {
    /** Base path; pino-roll appends `.<n>` (and `extension`) to it. */
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    sync?: boolean;
    /** SonicBoom's: past this many buffered bytes, writes are dropped (with a `drop` event). */
    maxLength?: number;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<SonicBoom>;
}
