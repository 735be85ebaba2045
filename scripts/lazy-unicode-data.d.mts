/** The module's code with its Unicode tables decoded on first use; null for any other module. */
export function deferUnicodeData(code: string, id: string): string | null;
