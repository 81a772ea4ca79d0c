import { derivedId, newId } from './ids';

describe('ids', () => {
  it('makes prefixed base62 ids of 22 characters', () => {
    expect(newId('team')).toMatch(/^team_[0-9A-Za-z]{22}$/);
    expect(newId('msg')).toMatch(/^msg_[0-9A-Za-z]{22}$/);
  });

  it('never repeats a random id in thousands of draws', () => {
    expect(new Set(Array.from({ length: 5000 }, () => newId('proj'))).size).toBe(5000);
  });

  it('derives the same id from the same scope and key, every time', () => {
    expect(derivedId('topup', 'team_1', 'k-1')).toBe(derivedId('topup', 'team_1', 'k-1'));
    expect(derivedId('topup', 'team_1', 'k-1')).toMatch(/^topup_[0-9A-Za-z]{22}$/);
  });

  it('derives the very id it derived before: retries of requests already recorded must name the same charge', () => {
    expect(derivedId('topup', 'team_1', 'k-1')).toBe('topup_sLGFK2dc8vQHV9i8IoxC2U');
  });

  it('derives different ids for another key, another scope or another kind of thing', () => {
    const ids = [
      derivedId('topup', 'team_1', 'k-1'),
      derivedId('topup', 'team_1', 'k-2'),
      derivedId('topup', 'team_2', 'k-1'),
      derivedId('adj', 'team_1', 'k-1'),
      // A separator inside the scope or key cannot make two pairs collide.
      derivedId('topup', 'team_1\u0000k', '-1'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
