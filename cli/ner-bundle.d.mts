/** Whether a bundle is current: it and its inputs list exist and no input is newer than it. */
export function isFresh(out: string, inputsFile: string, root: string): boolean;
/** Builds the `kg ner` bundle when missing or stale; its file URL, or null when it cannot be built. */
export function nerBundle(): Promise<string | null>;
