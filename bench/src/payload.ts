/** The JSON every benchmark server answers with. */
export const PAYLOAD = { id: '42', name: 'Ada Lovelace', language: 'en', tags: ['math', 'engines'] };
