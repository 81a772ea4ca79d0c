import { decodeOrThrow } from './decode-or-throw';
import { nonEmptyText, optional } from './field-codecs';
import { unionCodec } from './union-codec';

type Note = { readonly type: 'Note'; readonly id: string; readonly tag?: string };

const strict = unionCodec<Note>({ Note: { id: nonEmptyText, tag: optional(nonEmptyText) } });
const tolerant = unionCodec<Note>({ Note: { id: nonEmptyText, tag: optional(nonEmptyText) } }, 'drop');

describe('union codec', () => {
  it('takes a field holding undefined for an absent one, as values handed over in process may carry', () => {
    expect(strict.decode({ type: 'Note', id: 'n1', tag: undefined })).toStrictEqual({
      ok: true,
      value: { type: 'Note', id: 'n1' },
    });
    expect(strict.encode({ type: 'Note', id: 'n1', tag: undefined })).toStrictEqual({ type: 'Note', id: 'n1' });
  });

  it('refuses a required field holding undefined through its own codec', () => {
    expect(strict.decode({ type: 'Note', id: undefined })).toStrictEqual({
      ok: false,
      error: { reason: 'invalid_field', field: 'id', message: 'Note.id must be a non-empty string' },
    });
  });

  it('refuses or drops an unknown field, as the codec says', () => {
    const json = { type: 'Note', id: 'n1', colour: 'red' };

    expect(strict.decode(json)).toStrictEqual({
      ok: false,
      error: { reason: 'invalid_field', field: 'colour', message: 'Note.colour is not a known field' },
    });
    expect(tolerant.decode(json)).toStrictEqual({ ok: true, value: { type: 'Note', id: 'n1' } });
  });
});

describe('decodeOrThrow', () => {
  it('returns what decodes', () => {
    expect(decodeOrThrow(strict, { type: 'Note', id: 'n1' }, 'Note 1 is broken')).toStrictEqual({
      type: 'Note',
      id: 'n1',
    });
  });

  it('throws what it was told, with the decode error', () => {
    expect(() => decodeOrThrow(strict, { type: 'Note', id: '' }, 'Note 1 is broken')).toThrow(
      'Note 1 is broken: Note.id must be a non-empty string',
    );
  });
});
