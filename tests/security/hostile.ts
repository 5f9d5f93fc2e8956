import fc from "fast-check";

/**
 * Hostile values for fuzzing (docs/security.md): huge strings, unicode edge cases (NUL, lone surrogates,
 * bidi overrides, combining marks), negative / huge / non-finite numbers, impossible dates, deep
 * nesting, and objects whose OWN keys are `__proto__` / `constructor` / `prototype` (built with
 * defineProperty or JSON.parse — an object literal `{ __proto__: x }` would set the prototype instead).
 * `shapedBy(schema)` walks a zod 4 schema (`schema._zod.def`) and yields values of the expected shape
 * with hostile leaves; no package does this for zod 4 (docs/architecture.md#platform-constraints), so it is written by hand.
 */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;
/** what a successful pollution would leave behind on Object.prototype */
export const POLLUTION = { polluted: "yes", isAdmin: true, role: "ADMIN", tenantId: "another-tenant" } as const;

const SPECIAL_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFFx",
  "\uFFFF",
  "\u202Egnp.exe",
  "\u200B",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦",
  "𝕏𝕐",
  '\'; DROP TABLE "User"; --',
  "' OR '1'='1",
  "\\",
  '"',
  "%00",
  "%s%n",
  "\r\n\r\nX-Injected: 1",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "${7*7}",
  "{{constructor.constructor('return 1')()}}",
  "../../../../etc/passwd",
  '=HYPERLINK("http://evil")',
  "+SUM(1)",
  "@cmd",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "https://127.0.0.1/x",
  "http://169.254.169.254/latest/meta-data/",
  "file:///etc/passwd",
  "a@b",
  "not-an-email@",
  "x".repeat(65),
];
const HUGE_LENGTHS = [1_000, 10_000, 100_000, 1_000_000];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom("x", "é", "😀", "\u0000", "'"))
      .map(([n, c]) => c.repeat(n)),
  },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -0.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.EPSILON,
  ),
  fc.integer(),
  fc.integer({ min: -10, max: 200 }),
  fc.double(),
);

export const hostileDate: fc.Arbitrary<Date> = fc.oneof(
  fc.constantFrom(
    new Date(Number.NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(0),
    new Date("0001-01-01T00:00:00Z"),
    new Date("9999-12-31T23:59:59Z"),
  ),
  fc.date(),
);

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  hostileDate,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.constant(Symbol("fuzz")),
  fc.constant(() => "fn"),
);

/** Sets own properties, including the ones an assignment or a literal would turn into a prototype change. */
export function withOwnKeys<T extends object>(target: T, entries: [string, unknown][]): T {
  for (const [key, value] of entries)
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const protoPayload = fc.constantFrom<unknown>(
  { ...POLLUTION },
  { prototype: { ...POLLUTION } },
  { constructor: { prototype: { ...POLLUTION } } },
  "polluted",
  null,
);
export const protoObject: fc.Arbitrary<object> = fc
  .tuple(fc.subarray([...PROTO_KEYS], { minLength: 1 }), protoPayload)
  .map(([keys, payload]) =>
    withOwnKeys(
      {},
      keys.map((k) => [k, payload] as [string, unknown]),
    ),
  );

/** {a:{a:…}} or [[[…]]] this deep, with a plain or a NUL string at the bottom */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(25, 50, 500, 5_000), fc.boolean(), fc.constantFrom("bottom", "\u0000"))
  .map(([depth, array, bottom]) => {
    let value: unknown = bottom;
    for (let i = 0; i < depth; i += 1) value = array ? [value] : { a: value };
    return value;
  });

const hugeArray = fc.constantFrom(10_000, 100_000).map((n) => Array.from({ length: n }, (_, i) => i));

/** Anything at all: the wholly malformed input. */
export const hostileAnything: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: hostileScalar },
    { weight: 2, arbitrary: protoObject },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: hugeArray },
    { weight: 2, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }), fc.subarray([...PROTO_KEYS]), tie("value"))
        .map(([obj, keys, v]) =>
          withOwnKeys(
            obj,
            keys.map((k) => [k, v] as [string, unknown]),
          ),
        ),
    },
  ),
})).value;

type ZodLike = { _zod: { def: Record<string, unknown> & { type: string } } };
const isZod = (s: unknown): s is ZodLike => typeof s === "object" && s !== null && "_zod" in s;

/**
 * Values shaped like `schema` expects, hostile at the leaves. `ids` are real record ids (of the
 * fuzzed tenant and of another) mixed into id-like strings so calls get past "not found" into the
 * service code. At each node a wholly wrong value is chosen now and then.
 */
export function shapedBy(schema: unknown, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (!isZod(schema) || depth > 8) return hostileAnything;
  const def = schema._zod.def;
  const inner = (s: unknown) => shapedBy(s, ids, depth + 1);
  const idish = ids.length ? fc.constantFrom(...ids) : hostileString;
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case "object": {
        const shape = def.shape as Record<string, unknown>;
        const record = fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v)])), {
          requiredKeys: [],
        });
        return fc
          .tuple(
            record,
            fc.subarray([...PROTO_KEYS]),
            protoPayload,
            fc.dictionary(hostileString, hostileScalar, { maxKeys: 2 }),
          )
          .map(([value, keys, payload, extra]) =>
            withOwnKeys(
              { ...extra, ...value },
              keys.map((k) => [k, payload] as [string, unknown]),
            ),
          );
      }
      case "string":
        return fc.oneof(
          { weight: 3, arbitrary: hostileString },
          { weight: 2, arbitrary: idish },
          { weight: 1, arbitrary: fc.constantFrom("x", "Acme", "pat@example.com", "https://example.com/hook") },
        );
      case "number":
      case "bigint":
        return hostileNumber;
      case "boolean":
        return fc.oneof(fc.boolean(), hostileScalar);
      case "date":
        return hostileDate;
      case "enum":
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, string | number>)) },
          { weight: 1, arbitrary: hostileString },
        );
      case "literal":
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...(def.values as unknown[])) },
          { weight: 1, arbitrary: hostileScalar },
        );
      case "array":
        return fc.oneof(
          { weight: 5, arbitrary: fc.array(inner(def.element), { maxLength: 6 }) },
          { weight: 1, arbitrary: hugeArray },
        );
      case "tuple":
        return fc.tuple(...(def.items as unknown[]).map(inner));
      case "record":
      case "map":
        return fc
          .tuple(
            fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...PROTO_KEYS)), inner(def.valueType), {
              maxKeys: 5,
            }),
            fc.subarray([...PROTO_KEYS]),
            protoPayload,
          )
          .map(([value, keys, payload]) =>
            withOwnKeys(
              value,
              keys.map((k) => [k, payload] as [string, unknown]),
            ),
          );
      case "union":
        return fc.oneof(...(def.options as unknown[]).map(inner));
      case "intersection":
        return fc
          .tuple(inner(def.left), inner(def.right))
          .map(([l, r]) =>
            typeof l === "object" && typeof r === "object" ? { ...(l as object), ...(r as object) } : l,
          );
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
        return fc.oneof(
          { weight: 4, arbitrary: inner(def.innerType) },
          { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
        );
      case "pipe":
        return inner(def.in);
      case "lazy":
        return inner((def.getter as () => unknown)());
      default:
        return hostileAnything;
    }
  })();
  return fc.oneof({ weight: 9, arbitrary: shaped }, { weight: 1, arbitrary: hostileAnything });
}

/** A procedure's input schema: its `.input()` parsers, object shapes merged (tRPC merges chained inputs). */
export function inputSchemaOf(inputs: readonly unknown[]): unknown {
  const zods = inputs.filter(isZod);
  if (zods.length <= 1) return zods[0];
  if (zods.every((z) => z._zod.def.type === "object")) {
    return {
      _zod: {
        def: {
          type: "object",
          shape: Object.assign({}, ...zods.map((z) => z._zod.def.shape)) as Record<string, unknown>,
        },
      },
    };
  }
  return zods[0];
}

/** Object.prototype & co. as they are now: compare after the run. */
export function prototypeSnapshot(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(",");
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map(names)
    .join("|");
}

export function polluted(): string[] {
  const probe = {} as Record<string, unknown>;
  return Object.keys(POLLUTION).filter((k) => k in probe || k in Object.prototype);
}
