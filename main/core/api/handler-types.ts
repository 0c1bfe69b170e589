import type { MethodName, OutputOf, ParsedInputOf } from './contract';
import type { Deps } from './deps';

export type Handler<M extends MethodName> = (
  deps: Deps,
  input: ParsedInputOf<M>,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** One handler per contract method: a missing one is a type error. */
export type Handlers = { [M in MethodName]: Handler<M> };
