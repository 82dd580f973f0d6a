// Messages of exports and open data.
import type { Message } from './index.js';

export const EXPORT_MESSAGES: Record<string, Message> = {};
