import { assertNever } from './assert-never';

describe('assertNever', () => {
  it('names the member of a tagged union that no case handled', () => {
    expect(() => assertNever({ type: 'Surprise', amount: 5n } as never, 'command')).toThrow(
      'Unexpected command: Surprise',
    );
  });

  it('names a plain value', () => {
    expect(() => assertNever('purple' as never)).toThrow('Unexpected variant: purple');
  });
});
