/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string, prefix?: string): string[];
/** The files that differ between two trees (`missing:`, `stale:`, `not generated any more:`), as lines naming docs/api paths. */
export function differences(expectedDir: string, actualDir: string): string[];
