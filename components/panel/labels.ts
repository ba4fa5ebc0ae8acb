// The reader's words for report ids (categories, bands, qualifiers), in the panel's language.
import type { Qualifier } from '../../analyser/report';
import type { Band, Category } from '../../analyser/taxonomy';
import { t, type MessageKey } from '../i18n';

const messageKey = (prefix: string, id: string) => `${prefix}_${id.replace(/-/g, '_')}` as MessageKey;

export const categoryName = (category: Category) => t(messageKey('category', category));
export const bandName = (band: Band) => t(messageKey('band', band));
export const qualifierName = (qualifier: Qualifier) => t(messageKey('qualifier', qualifier));
