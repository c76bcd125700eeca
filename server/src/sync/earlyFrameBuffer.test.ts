import { describe, expect, it } from 'vitest';
import { EarlyFrameBuffer } from './earlyFrameBuffer.ts';

describe('EarlyFrameBuffer', () => {
  it('hands back frames in arrival order and empties', () => {
    const buffer = new EarlyFrameBuffer(10, 1000);
    expect(buffer.push(new Uint8Array([1]))).toBe(true);
    expect(buffer.push(new Uint8Array([2, 2]))).toBe(true);
    expect(buffer.take().map((f) => f[0])).toEqual([1, 2]);
    expect(buffer.size).toBe(0);
  });

  it('refuses the frame that passes the count bound and drops what it held', () => {
    const buffer = new EarlyFrameBuffer(3, 1000);
    for (let i = 0; i < 3; i++) expect(buffer.push(new Uint8Array([i]))).toBe(true);
    expect(buffer.push(new Uint8Array([9]))).toBe(false);
    expect(buffer.size).toBe(0);
  });

  it('refuses the frame that passes the byte bound', () => {
    const buffer = new EarlyFrameBuffer(100, 10);
    expect(buffer.push(new Uint8Array(6))).toBe(true);
    expect(buffer.push(new Uint8Array(4))).toBe(true);
    expect(buffer.push(new Uint8Array(1))).toBe(false);
    expect(buffer.take()).toEqual([]);
  });
});
