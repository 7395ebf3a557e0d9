/** A `%…%` ILIKE pattern that matches `text` literally (its %, _ and backslashes escaped). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
