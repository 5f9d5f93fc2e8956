import pino from "pino";

/**
 * Where log lines go: stdout (no worker transports inside the server). A multistream so a test can add a
 * capture stream to the real logger (`logStreams.add`) and read the very lines production writes.
 */
export const logStreams = pino.multistream([{ level: "trace", stream: process.stdout }]);

/**
 * Structured JSON logs (docs/security.md). Secrets never reach a line: passwords, tokens, API keys,
 * authorization and cookie headers are redacted wherever they sit at the top level or one level down.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { app: "onward" },
    redact: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "apiKey",
      "*.apiKey",
      "authorization",
      "*.authorization",
      "cookie",
      "*.cookie",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
      "*.headers.cookie",
    ],
  },
  logStreams,
);
