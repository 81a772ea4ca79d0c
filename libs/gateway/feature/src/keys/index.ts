export * from './api-key';
export { BASE62_ALPHABET, randomBase62, type RandomSource } from '../ids/base62';
