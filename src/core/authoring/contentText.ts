/**
 * Text the extension writes INTO documents (templates, stubs), in the project's language
 * (`project.yaml` `language`), not in the UI language: a Dutch project gets Dutch placeholders even
 * in an English VS Code. User-visible UI strings go through `t()` instead.
 */
import { type Language, languageOf } from '../common';

/** The words of stubs and placeholders. */
export interface ContentText {
  outOfScopeTitle: string;
  outOfScopeReason: string;
}

const TEXT: Readonly<Record<Language, ContentText>> = {
  en: {
    outOfScopeTitle: 'What we will not do',
    outOfScopeReason: 'Why it is out, as agreed with the client',
  },
  nl: {
    outOfScopeTitle: 'Wat we niet doen',
    outOfScopeReason: 'Waarom het erbuiten valt, zoals afgesproken met de klant',
  },
};

/** The content words of a language (English for anything else). */
export function contentText(language: string | undefined): ContentText {
  return TEXT[languageOf(language)];
}
