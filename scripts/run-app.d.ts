/** Bundles a TypeScript program with the library's sources into `outfile` (esbuild; packages stay external); returns `outfile`. */
export function bundle(entry: string, outfile: string): string;
