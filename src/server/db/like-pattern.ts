/** `%text%` for ILIKE with the text's own `%`, `_` and `\` matched literally (the default escape is `\`). */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
