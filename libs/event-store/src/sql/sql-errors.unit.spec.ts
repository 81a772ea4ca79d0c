import { isUniqueViolation, violatedKeyValue } from './sql-errors';

describe('sql errors', () => {
  const violation = {
    code: '23505',
    constraint: 'events_event_id_key',
    detail: 'Key (event_id)=(6f1c8a5e-8d4e-4d3f-9a70-1f2b3c4d5e6f) already exists.',
  };

  it('recognises a unique violation of one constraint only', () => {
    expect(isUniqueViolation(violation, 'events_event_id_key')).toBe(true);
    expect(isUniqueViolation(violation, 'events_stream_version_key')).toBe(false);
    expect(isUniqueViolation({ ...violation, code: '23503' }, 'events_event_id_key')).toBe(false);
    expect(isUniqueViolation(undefined, 'events_event_id_key')).toBe(false);
  });

  it('reads the duplicate key value from the detail', () => {
    expect(violatedKeyValue(violation)).toBe('6f1c8a5e-8d4e-4d3f-9a70-1f2b3c4d5e6f');
    expect(violatedKeyValue(new Error('other'))).toBeUndefined();
  });
});
