import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const typedFiles = ["**/*.ts", "**/*.tsx"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".cache/**",
      ".data/**",
      "node_modules/**",
      "generated/prisma/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  // Type-aware rules for TypeScript sources.
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: typedFiles })),
  {
    files: typedFiles,
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  // expect(mock.method) and expect(caller.method) in tests pass a method without calling it.
  {
    files: ["tests/**", "e2e/**"],
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
  // Boundaries (docs/architecture.md#layers). Components reach data through tRPC, never the data layer or a
  // service; engines are pure: no data access and no clock of their own. Type-only imports are fine.
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*"],
              allowTypeImports: true,
              message: "Components use tRPC and share pure code through domain/ and lib/; server/ stays on the server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "@/trpc/*", "@/generated/prisma/client", "@prisma/*", "../../server/*"],
              message: "Engines are pure: the service loads the data and passes it in.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Engines take the clock as an argument (now).",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Engines take the clock as an argument (now).",
        },
      ],
    },
  },
  // services and queries use the request's clock (ServiceContext.now, JobContext.now), so tests can pin it
  // (docs/architecture.md#layers); `new Date(value)` conversions stay allowed.
  {
    files: ["server/services/**/*.ts", "server/db/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Use the injected clock (ctx.now), not new Date().",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Use the injected clock (ctx.now), not Date.now().",
        },
      ],
    },
  },
  // lib/ is shared by the browser and the server: it may use domain/ and the generated enums, never server/.
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "@/trpc/*", "@/generated/prisma/client", "../server/*", "../../server/*"],
              message: "lib/ never imports server code: move the pure part to domain/ (docs/architecture.md#layers).",
            },
          ],
        },
      ],
    },
  },
  // JavaScript files are not in the TypeScript project: keep them on the untyped rules.
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
];
export default config;
