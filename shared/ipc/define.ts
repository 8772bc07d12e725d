import type { z } from 'zod';
import type { IpcResult } from './result';

/** One IPC method: a schema for its arguments (validated in main) and, as a type only, its result. */
export interface MethodSpec<A extends z.ZodTuple = z.ZodTuple, R = unknown> {
  args: A;
  /** Phantom: carries the result type; never set at run time. */
  readonly result?: R;
}

/** `method<Result>()(z.tuple([...]))` declares a method whose handler returns `Result`. */
export const method =
  <R = void>() =>
  <A extends z.ZodTuple>(args: A): MethodSpec<A, R> => ({ args });

export type MethodMap = Record<string, MethodSpec>;

type ResultOf<S> = S extends MethodSpec<z.ZodTuple, infer R> ? R : never;

/** What the renderer calls: every method answers with an `IpcResult`, never throws. */
export type ApiMethods<M extends MethodMap> = {
  [K in keyof M]: (...args: z.input<M[K]['args']>) => Promise<IpcResult<ResultOf<M[K]>>>;
};

/** What main implements: plain async functions that may throw `UserFacingError`. */
export type Handlers<M extends MethodMap> = {
  [K in keyof M]: (...args: z.output<M[K]['args']>) => Promise<ResultOf<M[K]>> | ResultOf<M[K]>;
};
