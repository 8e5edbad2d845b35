/** Binary min-heap of (key, lot, step) used to pick the next batch seed; ties go to the smaller lot id. */
export class SeedHeap {
  private keys: number[] = [];
  private lots: number[] = [];
  private steps: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  lot(): number {
    return this.lots[0]!;
  }

  step(): number {
    return this.steps[0]!;
  }

  private less(i: number, j: number): boolean {
    const a = this.keys[i]!;
    const b = this.keys[j]!;
    return a < b || (a === b && this.lots[i]! < this.lots[j]!);
  }

  private swap(i: number, j: number): void {
    const { keys, lots, steps } = this;
    const k = keys[i]!;
    keys[i] = keys[j]!;
    keys[j] = k;
    const l = lots[i]!;
    lots[i] = lots[j]!;
    lots[j] = l;
    const s = steps[i]!;
    steps[i] = steps[j]!;
    steps[j] = s;
  }

  push(key: number, lot: number, step: number): void {
    this.keys.push(key);
    this.lots.push(lot);
    this.steps.push(step);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.keys.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.lots.pop();
    this.steps.pop();
    let i = 0;
    const size = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && this.less(l, m)) m = l;
      if (r < size && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
