import pino from "pino";

/** Structured JSON logs on stdout (no worker transports inside the server). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "onward" },
  redact: ["password", "*.password", "token", "*.token", "authorization"],
});
