/**
 * User input as a literal inside a `$regex`: every metacharacter escaped. FerretDB's engine is RE2 and
 * MongoDB's is PCRE; neither may see raw input.
 */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
