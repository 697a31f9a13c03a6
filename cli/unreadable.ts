// Why a file could not be read, in the words `kg extract` and `kg ner` print after "cannot read FILE: ".
// Its own module, free of imports, so that the `kg ner` bundle can use it.

/** 'no such file', 'is a directory', else the system's message. */
export function unreadableReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code === "ENOENT" ? "no such file" : e.code === "EISDIR" ? "is a directory" : e.message;
}
