import { type JsonObject, ok } from '@subledger/kernel';
import { invalidField } from '../codec/decode-error';
import type { FieldCodec } from '../codec/field-codec';
import { list, nullable, text } from '../codec/field-codecs';
import { isPlainObject, joinPath } from '../codec/json';
import { object } from '../codec/object-codec';
import type { Page, ServiceReply } from './service-reply';

/** `{"ok":true,"value":...}` or `{"ok":false,"refusal":...}`, each member's one field through its codec. */
export function serviceReply<T, R>(value: FieldCodec<T>, refusal: FieldCodec<R>): FieldCodec<ServiceReply<T, R>> {
  return {
    optional: false,
    encode: (reply): JsonObject =>
      reply.ok ? { ok: true, value: value.encode(reply.value) } : { ok: false, refusal: refusal.encode(reply.refusal) },
    decode: (json, path) => {
      if (!isPlainObject(json)) return invalidField(path, 'must be an object');
      const key = json['ok'] === true ? 'value' : json['ok'] === false ? 'refusal' : undefined;
      if (key === undefined) return invalidField(joinPath(path, 'ok'), 'must be true or false');
      const extra = Object.keys(json).find((field) => field !== 'ok' && field !== key);
      if (extra !== undefined) return invalidField(joinPath(path, extra), 'is not a known field');
      if (key === 'value') {
        const decoded = value.decode(json['value'], joinPath(path, 'value'));
        return decoded.ok ? ok({ ok: true, value: decoded.value }) : decoded;
      }
      const decoded = refusal.decode(json['refusal'], joinPath(path, 'refusal'));
      return decoded.ok ? ok({ ok: false, refusal: decoded.value }) : decoded;
    },
  };
}

export function page<T>(item: FieldCodec<T>): FieldCodec<Page<T>> {
  return object<Page<T>>({ items: list(item), nextCursor: nullable(text) });
}
