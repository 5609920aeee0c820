// The configuration document as the schema walk hands it over, derived from SCHEMA so that the two
// cannot drift: the schema's shape, with each formatted string as its FormatValue (a tag template
// parsed, a duration in milliseconds).

import type {Format, FormatValue} from './formats.js';
import type {SCHEMA} from './schema.js';

/**
 * The values a schema accepts, as a TypeScript type: `type`, `properties` with `required`,
 * `additionalProperties` as a map, `items`, `oneOf`, `enum`, and `$ref` into `Defs`.
 */
export type FromSchema<S, Defs = Record<never, never>> = S extends {readonly $ref: `#/$defs/${infer Name}`}
  ? Name extends keyof Defs
    ? FromSchema<Defs[Name], Defs>
    : never
  : S extends {readonly oneOf: readonly (infer Option)[]}
    ? Option extends unknown
      ? FromSchema<Option, Defs>
      : never
    : S extends {readonly enum: readonly (infer Value)[]}
      ? Value
      : S extends {readonly type: 'object'}
        ? ObjectFromSchema<S, Defs>
        : S extends {readonly type: 'array'; readonly items: infer Item}
          ? FromSchema<Item, Defs>[]
          : S extends {readonly type: 'array'}
            ? unknown[]
            : S extends {readonly type: 'string'; readonly format: infer F extends Format}
              ? FormatValue<F>
              : S extends {readonly type: 'string'}
                ? string
                : S extends {readonly type: 'integer' | 'number'}
                  ? number
                  : S extends {readonly type: 'boolean'}
                    ? boolean
                    : unknown;

type ObjectFromSchema<S, Defs> = S extends {readonly properties: infer Props}
  ? Properties<Props, S extends {readonly required: readonly (infer Key)[]} ? Key : never, Defs>
  : S extends {readonly additionalProperties: infer Value extends object}
    ? Record<string, FromSchema<Value, Defs>>
    : Record<string, unknown>;

type Properties<Props, Required, Defs> = Flat<
  {-readonly [K in keyof Props as K extends Required ? K : never]: FromSchema<Props[K], Defs>} & {
    -readonly [K in keyof Props as K extends Required ? never : K]?: FromSchema<Props[K], Defs>;
  }
>;

type Flat<T> = {[K in keyof T]: T[K]};

type Defs = (typeof SCHEMA)['$defs'];

export type RawConfig = FromSchema<typeof SCHEMA, Defs>;
export type RawImage = FromSchema<Defs['image'], Defs>;
export type RawTag = NonNullable<RawImage['tags']>[number];
export type RawSecret = NonNullable<RawImage['secrets']>[number];
export type RawTestCommand = FromSchema<Defs['testCommand'], Defs>;
export type RawTestSuite = FromSchema<Defs['testSuite'], Defs>;
