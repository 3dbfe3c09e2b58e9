// What the k6 runtime provides globally besides @types/k6's globals: k6's console (log, info, warn, error,
// debug). Declared here because the scripts are type-checked without the DOM or Node library types.
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
