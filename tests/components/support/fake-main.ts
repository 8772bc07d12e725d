/**
 * Main, as the window's components see it: the `Api` object the Electron preload exposes as
 * `window.ringside`. It is the renderer's real seam (lib/api.ts uses whatever the preload gives
 * it), so the components under test run unchanged; this stand-in records every call with its
 * arguments and answers what a test told it to (an empty success otherwise).
 */
import type { Api } from '@shared/ipc/contract';
import { methodNames, type MethodName } from '@shared/ipc/names';
import { fail, ok, type IpcResult } from '@shared/ipc/result';

type Method<M extends MethodName> = Extract<Api[M], (...args: never[]) => unknown>;
type Answer<M extends MethodName> = (
  ...args: Parameters<Method<M>>
) => Awaited<ReturnType<Method<M>>> | ReturnType<Method<M>>;

export interface RecordedCall {
  method: MethodName;
  args: unknown[];
}

export class FakeMain {
  readonly calls: RecordedCall[] = [];
  readonly #answers = new Map<MethodName, (...args: unknown[]) => unknown>();
  readonly api: Api;

  constructor() {
    const methods = Object.fromEntries(
      methodNames.map((method) => [
        method,
        (...args: unknown[]) => {
          this.calls.push({ method, args });
          const answer = this.#answers.get(method);
          return Promise.resolve(answer ? answer(...args) : ok(undefined));
        },
      ]),
    );
    this.api = { ...methods, on: () => () => {} } as unknown as Api;
  }

  /** What `method` answers from now on. */
  answer<M extends MethodName>(method: M, answer: Answer<M>): void {
    this.#answers.set(method, answer as (...args: unknown[]) => unknown);
  }

  /** `method` is refused from now on, in these words. */
  refuse(method: MethodName, message: string, code = 'refused'): void {
    this.#answers.set(method, (): IpcResult<never> => fail(code, message));
  }

  /** The arguments of every call to `method`, oldest first. */
  callsTo<M extends MethodName>(method: M): Parameters<Method<M>>[] {
    return this.calls
      .filter((call) => call.method === method)
      .map((call) => call.args as Parameters<Method<M>>);
  }

  reset(): void {
    this.calls.length = 0;
    this.#answers.clear();
  }
}

/** The one main of a test file: installed as the preload's object before any component loads. */
export const main = new FakeMain();
