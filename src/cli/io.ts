// What a CLI command needs from the outside world, so commands are testable without a process: tests pass an io
// that records output and serves files from memory. `runCli` in main.ts builds the real one over Node.
export interface CliIo {
  /** Write to standard output (the text is written as is; add the newline yourself). */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
  /** Read a whole file as UTF-8; `-` reads standard input. Rejects with the system error if it cannot. */
  readText(path: string): Promise<string>;
  /** The `*.json`, `*.jsonl` and `*.ndjson` files of a directory (sorted, full paths), or null if `path` is not a directory. */
  listBundleFiles(path: string): Promise<string[] | null>;
  /** Write a whole file as UTF-8 (`engage report --out`); optional so the commands that never write need not offer it. */
  writeText?(path: string, text: string): Promise<void>;
}

/** Exit codes: 0 ok, 1 the command failed, 2 bad input (file, ticket and field named on stderr). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
