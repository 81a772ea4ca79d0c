import { RecentReplies } from './recent-replies';

describe('recent replies', () => {
  it('gives back the reply stored under an id, and nothing without an id', () => {
    const replies = new RecentReplies<string>(10);
    replies.set('a', 'first');
    replies.set(undefined, 'lost');
    expect(replies.get('a')).toBe('first');
    expect(replies.get(undefined)).toBeUndefined();
    expect(replies.get('b')).toBeUndefined();
  });

  it('forgets the oldest reply past its capacity', () => {
    const replies = new RecentReplies<number>(2);
    replies.set('a', 1);
    replies.set('b', 2);
    replies.set('c', 3);
    expect([replies.get('a'), replies.get('b'), replies.get('c')]).toEqual([undefined, 2, 3]);
  });
});
