import { describe, expect, it } from 'vitest';
import { fileProblem, MAX_FILE_BYTES } from './rules';

const file = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

describe('fileProblem (checked in the browser before any upload)', () => {
  it('accepts photos, PDF and plain text', () => {
    expect(fileProblem(file('a.jpg', 'image/jpeg', 10))).toBeNull();
    expect(fileProblem(file('a.pdf', 'application/pdf', 10))).toBeNull();
    expect(fileProblem(file('notes.txt', 'text/plain', 10))).toBeNull();
  });
  it('refuses other types, naming the file', () => {
    expect(fileProblem(file('setup.exe', 'application/x-msdownload', 10))).toContain('setup.exe');
    expect(fileProblem(file('page.html', 'text/html', 10))).toContain('page.html');
  });
  it('refuses a file over 10 MB and an empty one', () => {
    expect(fileProblem(file('big.png', 'image/png', MAX_FILE_BYTES + 1))).toContain('big.png');
    expect(fileProblem(file('empty.png', 'image/png', 0))).toContain('empty.png');
  });
});
