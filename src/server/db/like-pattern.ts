const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for ILIKE with the text's own `%`, `_` and `\` matched literally (the default escape is `\`). */
export const likePattern = (text: string): string => `%${escapeLike(text)}%`;

/** `text%`: starts with the text, matched literally (a btree `text_pattern_ops` index serves it). */
export const likePrefix = (text: string): string => `${escapeLike(text)}%`;
