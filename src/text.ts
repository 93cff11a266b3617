/** A text in the two languages every report is written in. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export type Lang = keyof LocalizedText;

export const languages: readonly Lang[] = ['zh', 'en'];
