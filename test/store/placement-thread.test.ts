import fs = require('node:fs/promises');
import { join } from 'node:path';
import { isTempFileName } from '../../src/store/atomic-file';
import { PlacementThread } from '../../src/store/placement-thread';
import { newTempDirectory, stopBackends } from './backends';

/** The thread the write journal hands its documents to: what it leaves on the disk, and what it reports. */
describe('the file placement thread', () => {
  const thread = new PlacementThread();
  afterAll(stopBackends);

  it('writes each file whole, removes the ones given no content, and leaves no temp file', async () => {
    const directory = await newTempDirectory();
    await fs.writeFile(join(directory, 'old.json'), '{"stale":true}');
    await fs.writeFile(join(directory, 'gone.json'), '{}');

    await thread.place(directory, [
      { name: 'old.json', content: '{"fresh":true}' },
      { name: 'new.json', content: '{"zażółć":"gęślą jaźń"}' },
      { name: 'gone.json', content: null },
      { name: 'never-there.json', content: null },
    ]);

    expect(await fs.readFile(join(directory, 'old.json'), 'utf8')).toBe('{"fresh":true}');
    expect(await fs.readFile(join(directory, 'new.json'), 'utf8')).toBe('{"zażółć":"gęślą jaźń"}');
    expect((await fs.readdir(directory)).sort()).toEqual(['new.json', 'old.json']);
  });

  it('reports a file it cannot place with its error code, cleans up after it, and goes on working', async () => {
    const directory = await newTempDirectory();
    await fs.mkdir(join(directory, 'taken.json', 'in-the-way'), { recursive: true });

    await expect(thread.place(directory, [{ name: 'taken.json', content: '{}' }])).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/),
    });
    expect((await fs.readdir(directory)).filter(isTempFileName)).toEqual([]);

    await thread.place(directory, [{ name: 'next.json', content: '{"ok":1}' }]);
    expect(await fs.readFile(join(directory, 'next.json'), 'utf8')).toBe('{"ok":1}');
  });

  it('places what several callers hand it at once, each answered for its own files', async () => {
    const directories = await Promise.all([newTempDirectory(), newTempDirectory(), newTempDirectory()]);
    await Promise.all(directories.map((directory, index) => thread.place(directory, [{ name: 'doc.json', content: String(index) }])));
    expect(await Promise.all(directories.map((directory) => fs.readFile(join(directory, 'doc.json'), 'utf8')))).toEqual(['0', '1', '2']);
  });
});
