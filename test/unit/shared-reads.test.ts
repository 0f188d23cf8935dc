// Shared reads are kept only while change notifications arrive, and only until the next one.
import { describe, expect, it } from "vitest";
import { SharedReads } from "~/services/shared-reads.server";

function counter() {
  let loads = 0;
  return { load: async () => ++loads, get loads() { return loads; } };
}

describe("shared reads", () => {
  it("keeps nothing until the change listener is connected", async () => {
    const shared = new SharedReads();
    const reads = counter();
    expect(await shared.read("hot", reads.load)).toBe(1);
    expect(await shared.read("hot", reads.load)).toBe(2);
  });

  it("once connected, answers from what it kept until a change is announced", async () => {
    const shared = new SharedReads();
    shared.connected();
    const reads = counter();
    expect(await shared.read("hot", reads.load)).toBe(1);
    expect(await shared.read("hot", reads.load)).toBe(1);
    shared.changed();
    expect(await shared.read("hot", reads.load)).toBe(2);
    // A reconnection may have missed changes: it empties what was kept too.
    shared.connected();
    expect(await shared.read("hot", reads.load)).toBe(3);
  });

  it("readers arriving while a read is under way share it", async () => {
    const shared = new SharedReads();
    shared.connected();
    const reads = counter();
    const [a, b] = await Promise.all([shared.read("hot", reads.load), shared.read("hot", reads.load)]);
    expect([a, b, reads.loads]).toEqual([1, 1, 1]);
  });

  it("keeps a value a minute at most, and never a failed read", async () => {
    let now = 0;
    const shared = new SharedReads(60_000, () => now);
    shared.connected();
    const reads = counter();
    await shared.read("hot", reads.load);
    now = 60_001;
    expect(await shared.read("hot", reads.load)).toBe(2);
    await expect(shared.read("tags", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await shared.read("tags", async () => "read again")).toBe("read again");
  });
});
