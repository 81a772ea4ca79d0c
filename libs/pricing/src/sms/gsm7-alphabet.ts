// The GSM 03.38 default alphabet (3GPP TS 23.038). The escape code 0x1B is left out: it only
// introduces an extension character and cannot be sent as a character of its own.
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ' +
  ' !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Extension table characters are sent as escape + code, two septets each.
const EXTENSION = '\f^{}\\[~]|€';

export const GSM7_BASIC_CHARACTERS: ReadonlySet<string> = new Set(BASIC);

export const GSM7_EXTENSION_CHARACTERS: ReadonlySet<string> = new Set(EXTENSION);

/** Septets one character takes in GSM-7, or undefined when GSM-7 cannot carry it. */
export function gsm7Septets(character: string): 1 | 2 | undefined {
  if (GSM7_BASIC_CHARACTERS.has(character)) {
    return 1;
  }
  return GSM7_EXTENSION_CHARACTERS.has(character) ? 2 : undefined;
}
