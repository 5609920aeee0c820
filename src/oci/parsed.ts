/** The outcome of parsing user text: the value, or an error that names the fix. */
export type Parsed<T> = {ok: true; value: T} | {ok: false; error: string};
