/**
 * The gateways a load sends to, asked for before every send and taken in turn. A gateway whose
 * connection failed is left out for a second, as a load balancer would; when every one is left
 * out, all are tried.
 */
export class GatewayRotation {
  private readonly downUntil = new Map<string, number>();
  private turn = 0;

  constructor(private readonly urls: () => readonly string[]) {}

  /** The next live gateway's URL. */
  next(): string {
    const urls = this.urls();
    if (urls.length === 0) throw new Error('no gateway is running');
    const now = Date.now();
    const up = urls.filter((url) => (this.downUntil.get(url) ?? 0) <= now);
    const choices = up.length > 0 ? up : urls;
    return choices[this.turn++ % choices.length];
  }

  /** After a send to `url` found no connection. */
  failed(url: string): void {
    this.downUntil.set(url, Date.now() + 1_000);
  }
}
